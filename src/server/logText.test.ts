import { LOG_TEXT_MAX_LENGTH, logText } from './logText';

describe('logText', () => {
  it('leaves ordinary text as it is, accents and emoji included', () => {
    expect(logText('Hello!')).toBe('Hello!');
    expect(logText('Grüße, 世界 👋🏽 👨‍👩‍👧')).toBe('Grüße, 世界 👋🏽 👨‍👩‍👧');
  });

  it.each([
    [
      'a newline',
      'hi\nServer running at http://evil.example',
      'hi\\nServer running at http://evil.example',
    ],
    ['a carriage return and a tab', 'a\rb\tc', 'a\\rb\\tc'],
    ['an ANSI colour', '\x1b[31mred\x1b[0m', '\\x1b[31mred\\x1b[0m'],
    ['an OSC title', '\x1b]0;owned\x07', '\\x1b]0;owned\\x07'],
    ['NUL and DEL', '\x00\x7f', '\\x00\\x7f'],
    ['C1 controls (NEL, CSI)', '\x85\x9b', '\\x85\\x9b'],
    ['the line and paragraph separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    ['bidirectional overrides', '\u202egnp.exe\u2066\u200f', '\\u202egnp.exe\\u2066\\u200f'],
    ['a lone surrogate', 'a\ud800b', 'a\\ud800b'],
    ['a backslash (so that an escape in the log is always one)', 'C:\\new', 'C:\\\\new'],
  ])('writes %s as visible escapes', (_kind, text, logged) => {
    expect(logText(text)).toBe(logged);
  });

  it('cuts a long text at the cap and says how much it left out', () => {
    const logged = logText('x'.repeat(60_000));
    expect(logged).toBe(
      `${'x'.repeat(LOG_TEXT_MAX_LENGTH)}…(+${60_000 - LOG_TEXT_MAX_LENGTH} chars)`,
    );
  });

  it('counts escapes towards the cap, and never cuts one in half', () => {
    const logged = logText('\x1b'.repeat(100), 10);
    expect(logged).toBe(`${'\\x1b'.repeat(2)}…(+98 chars)`);
  });

  it('never splits an emoji at the cut', () => {
    expect(logText('ab👋', 3)).toBe('ab…(+2 chars)');
  });

  it('leaves text of exactly the cap uncut', () => {
    expect(logText('y'.repeat(LOG_TEXT_MAX_LENGTH))).toBe('y'.repeat(LOG_TEXT_MAX_LENGTH));
  });
});
