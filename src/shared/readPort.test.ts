import { WDS_PORT, WEB_PORT } from './config';
import { readDevPort, readPort } from './readPort';

describe('readPort', () => {
  it('uses the given default and names the given variable', () => {
    expect(readPort(undefined, 7000, 'DEV_PORT')).toBe(7000);
    expect(() => readPort('x', 7000, 'DEV_PORT')).toThrow('DEV_PORT must be a whole number');
  });

  it('uses WEB_PORT when PORT is unset or empty', () => {
    expect(readPort(undefined)).toBe(WEB_PORT);
    expect(readPort('')).toBe(WEB_PORT);
  });

  it('reads a valid port', () => {
    expect(readPort('3000')).toBe(3000);
    expect(readPort('0')).toBe(0);
  });

  it.each(['abc', '80.5', '-1', '65536', '0x1F90', '1e3', ' 8080', '+8080'])(
    'refuses %s with a message that names it',
    (value) => {
      expect(() => readPort(value)).toThrow(
        `PORT must be a whole number from 0 to 65535 in plain digits, got "${value}".`,
      );
    },
  );

  it('reads the dev server port from DEV_PORT, else WDS_PORT', () => {
    expect(readDevPort({})).toBe(WDS_PORT);
    expect(readDevPort({ DEV_PORT: '7100' })).toBe(7100);
    expect(() => readDevPort({ DEV_PORT: 'x' })).toThrow('DEV_PORT must be a whole number');
  });

  // Port 0 would put the dev server on a port of the system's choosing, which the server would not allow as
  // an origin.
  it('refuses DEV_PORT=0', () => {
    expect(() => readDevPort({ DEV_PORT: '0' })).toThrow(
      'DEV_PORT must be a whole number from 1 to 65535 in plain digits, got "0".',
    );
  });
});
