import { WEB_PORT } from '../shared/config';

/** The port to listen on: PORT when set, else WEB_PORT. A bad PORT is an error a person can fix. */
export function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return WEB_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}
