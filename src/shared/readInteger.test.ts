import { readInteger } from './readInteger';

const BOUNDS = { min: 1, max: 1000 };

describe('readInteger', () => {
  it('uses the fallback when the variable is unset or empty', () => {
    expect(readInteger(undefined, 'COUNT', 7, BOUNDS)).toBe(7);
    expect(readInteger('', 'COUNT', 7, BOUNDS)).toBe(7);
  });

  it('reads plain decimal digits within the bounds, both included', () => {
    expect(readInteger('1', 'COUNT', 7, BOUNDS)).toBe(1);
    expect(readInteger('1000', 'COUNT', 7, BOUNDS)).toBe(1000);
    expect(readInteger('0042', 'COUNT', 7, BOUNDS)).toBe(42);
  });

  // Each of these is a number to Number(), so each used to run the server with a value nobody wrote.
  it.each([
    ['hexadecimal', '0x1F'],
    ['binary', '0b11'],
    ['octal', '0o17'],
    ['an exponent', '1e3'],
    ['a fraction', '12.5'],
    ['a trailing point', '12.'],
    ['a plus sign', '+12'],
    ['a minus sign', '-12'],
    ['a leading space', ' 12'],
    ['a trailing newline', '12\n'],
    ['an underscore', '1_000'],
    ['Infinity', 'Infinity'],
    ['other digits than 0-9', '١٢'],
    ['a word', 'lots'],
  ])('refuses %s, naming the variable, its bounds and the value', (_kind, value) => {
    expect(() => readInteger(value, 'COUNT', 7, BOUNDS)).toThrow(
      `COUNT must be a whole number from 1 to 1000 in plain digits, got ${JSON.stringify(value)}.`,
    );
  });

  it.each(['0', '1001', '99999999999999999999999'])('refuses %s, outside the bounds', (value) => {
    expect(() => readInteger(value, 'COUNT', 7, BOUNDS)).toThrow(
      `COUNT must be a whole number from 1 to 1000 in plain digits, got "${value}".`,
    );
  });
});
