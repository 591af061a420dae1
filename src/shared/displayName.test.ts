import { guestName, MAX_NAME_LENGTH, parseDisplayName } from './displayName';

describe('parseDisplayName', () => {
  it.each(['a', 'Ada Lovelace', 'x'.repeat(MAX_NAME_LENGTH), 'Zoë 🙂'])('accepts %p', (name) => {
    expect(parseDisplayName(name)).toEqual({ ok: true, name });
  });

  it.each([
    [undefined, /Choose a display name/],
    ['', /empty/],
    [' \t', /empty|printable/],
    ['x'.repeat(MAX_NAME_LENGTH + 1), /33 characters long/],
    ['new\nline', /printable/],
    ['zero\u200Bwidth', /printable/],
  ])('refuses %p', (name, error) => {
    const answer = parseDisplayName(name);
    expect(!answer.ok && answer.error).toMatch(error);
  });
});

describe('guestName', () => {
  it('is guest- and four digits', () => {
    expect(guestName(() => 0)).toBe('guest-0000');
    expect(guestName(() => 0.99999)).toBe('guest-9999');
    expect(guestName()).toMatch(/^guest-\d{4}$/);
  });
});
