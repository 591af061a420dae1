import { WDS_PORT, WEB_PORT } from './config';
import { readInteger } from './readInteger';

/**
 * A port from the environment: the variable's value when set, else the default. A bad value is an error that
 * names the variable, so a person can fix it. 0 asks the system for a free port.
 */
export function readPort(
  value: string | undefined,
  fallback = WEB_PORT,
  variable = 'PORT',
): number {
  return readInteger(value, variable, fallback, { min: 0, max: 65535 });
}

/**
 * webpack-dev-server's port: DEV_PORT, else WDS_PORT. Read in one place because two programs need it: the dev
 * server listens there, and the server allows it as an origin in development. Not 0: the dev server would take
 * a port of the system's choosing, which the server could not know to allow.
 */
export const readDevPort = (env: NodeJS.ProcessEnv): number =>
  readInteger(env.DEV_PORT, 'DEV_PORT', WDS_PORT, { min: 1, max: 65535 });
