/** The smallest and largest value a variable may take, both included. */
export interface IntegerBounds {
  min: number;
  max: number;
}

// Plain decimal digits only. Number() alone also takes "0x1F90" (8080), "1e3" (1000), "+80", " 80 " and "1e20",
// so a typo or a value copied from elsewhere would run the server with a number nobody wrote. Nothing is trimmed
// either: the refusal quotes the value, so a stray space shows.
const DIGITS = /^[0-9]+$/;

/**
 * A whole number from an environment variable: its value when set, else the fallback. Anything but digits, or a
 * number outside the bounds, is an error that names the variable, its bounds and the value, so a person can fix it.
 */
export function readInteger(
  value: string | undefined,
  variable: string,
  fallback: number,
  { min, max }: IntegerBounds,
): number {
  if (value === undefined || value === '') return fallback;
  const number = DIGITS.test(value) ? Number(value) : NaN;
  if (!(number >= min && number <= max)) {
    throw new Error(
      `${variable} must be a whole number from ${min} to ${max} in plain digits, got ${JSON.stringify(value)}.`,
    );
  }
  return number;
}
