import { parseAllowedHosts } from './http/allowedHosts';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './http/shutdown';
import { readDevPort } from '../shared/readPort';

/** What one client may do; each has an environment variable (README: "Security and limits"). */
export interface Limits {
  /** The largest message, in bytes; a larger one disconnects its sender. */
  maxMessageBytes: number;
  /** Events a socket may send each second, on average. */
  eventsPerSecond: number;
  /** Events a socket may send at once before the average applies. */
  eventBurst: number;
  /** Refused events after which a socket is disconnected (they refill at eventsPerSecond). */
  maxRefusals: number;
  maxRoomsPerSocket: number;
  /** Origins allowed besides the page's own (and the dev server's outside production). */
  allowedOrigins: string[];
  /** Host names answered besides localhost, IP addresses and the allowed origins' (against DNS rebinding). */
  allowedHosts: string[];
  shutdownTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 64 * 1024,
  eventsPerSecond: 20,
  eventBurst: 40,
  maxRefusals: 100,
  maxRoomsPerSocket: 20,
  allowedOrigins: [],
  allowedHosts: [],
  shutdownTimeoutMs: DEFAULT_SHUTDOWN_TIMEOUT_MS,
};

function readCount(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const value = env[variable];
  if (value === undefined || value === '') return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`${variable} must be a whole number of at least 1, got "${value}".`);
  }
  return count;
}

/** The limits from the environment, each falling back to its default; a bad value is an error that names it. */
export function readLimits(env: NodeJS.ProcessEnv): Limits {
  const devPort = readDevPort(env);
  const devOrigins =
    env.NODE_ENV === 'production'
      ? []
      : [`http://localhost:${devPort}`, `http://127.0.0.1:${devPort}`];
  const listed = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of listed) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new Error(
        `ALLOWED_ORIGINS must list origins like https://example.com, got "${origin}".`,
      );
    }
  }
  return {
    maxMessageBytes: readCount(env, 'MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes),
    eventsPerSecond: readCount(env, 'RATE_LIMIT_PER_SECOND', DEFAULT_LIMITS.eventsPerSecond),
    eventBurst: readCount(env, 'RATE_LIMIT_BURST', DEFAULT_LIMITS.eventBurst),
    maxRefusals: readCount(env, 'RATE_LIMIT_MAX_REFUSALS', DEFAULT_LIMITS.maxRefusals),
    maxRoomsPerSocket: readCount(env, 'MAX_ROOMS_PER_SOCKET', DEFAULT_LIMITS.maxRoomsPerSocket),
    allowedOrigins: [...devOrigins, ...listed],
    allowedHosts: parseAllowedHosts(env.ALLOWED_HOSTS),
    shutdownTimeoutMs: readCount(env, 'SHUTDOWN_TIMEOUT_MS', DEFAULT_LIMITS.shutdownTimeoutMs),
  };
}
