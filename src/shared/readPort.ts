import { WDS_PORT, WEB_PORT } from './config';

/**
 * A port from the environment: the variable's value when set, else the default. A bad value is an error that
 * names the variable, so a person can fix it.
 */
export function readPort(
  value: string | undefined,
  fallback = WEB_PORT,
  variable = 'PORT',
): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${variable} must be a whole number from 0 to 65535, got "${value}".`);
  }
  return port;
}

/**
 * webpack-dev-server's port: DEV_PORT, else WDS_PORT. Read in one place because two programs need it: the dev
 * server listens there, and the server allows it as an origin in development.
 */
export const readDevPort = (env: NodeJS.ProcessEnv): number =>
  readPort(env.DEV_PORT, WDS_PORT, 'DEV_PORT');
