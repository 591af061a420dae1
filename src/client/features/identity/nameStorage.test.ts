/** @jest-environment jsdom */
import { loadDisplayName, saveDisplayName } from './nameStorage';

beforeEach(() => localStorage.clear());

describe('nameStorage', () => {
  it('makes up a guest name once and keeps it for the next visit', () => {
    const first = loadDisplayName();
    expect(first).toMatch(/^guest-\d{4}$/);
    expect(loadDisplayName()).toBe(first);
  });

  it('returns the saved name', () => {
    saveDisplayName('Ada');
    expect(loadDisplayName()).toBe('Ada');
  });

  it('replaces a saved name the server would refuse', () => {
    localStorage.setItem('realtime-stack:name', 'x'.repeat(40));
    expect(loadDisplayName()).toMatch(/^guest-\d{4}$/);
  });
});
