import { isInAppPath } from './inAppPath';

describe('isInAppPath', () => {
  it.each(['/', '/?room=lobby', '/#chat', '/static/favicon.svg'])('accepts %s', (path) => {
    expect(isInAppPath(path)).toBe(true);
  });

  it.each([
    '//evil.example/',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\\\\evil.example',
    '\\\\evil.example',
    'relative/path',
    '/with space',
    '',
    '/' + 'a'.repeat(200),
    42,
  ])('refuses %p', (path) => {
    expect(isInAppPath(path)).toBe(false);
  });
});
