import { parseAllowedHosts } from './http/allowedHosts';
import { DEFAULT_SHUTDOWN_TIMEOUT_MS } from './http/shutdown';
import { readDevPort } from '../shared/readPort';
import { compileTrust } from './socket/addressBudget';
import { readInteger } from '../shared/readInteger';

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
  /** Bytes waiting to be sent to one connection over which it is dropped: a client that stops reading. */
  maxUnsentBytes: number;
  /** Connections one client address may hold at once. */
  maxConnectionsPerAddress: number;
  /** New connections one address may open each second, on average, and at once. */
  addressHandshakesPerSecond: number;
  addressHandshakeBurst: number;
  /** Events the connections of one address may send each second between them, on average, and at once. */
  addressEventsPerSecond: number;
  addressEventBurst: number;
  /** Which proxies may name the client in X-Forwarded-For: empty for none, a hop count, or addresses. */
  trustProxy: string;
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
  // 128 KiB is over a thousand chat messages: only a client that stopped reading gets there.
  maxUnsentBytes: 128 * 1024,
  // A classroom of 50 behind one NAT, a few tabs each, stays well inside these.
  maxConnectionsPerAddress: 250,
  addressHandshakesPerSecond: 10,
  addressHandshakeBurst: 100,
  addressEventsPerSecond: 200,
  addressEventBurst: 400,
  trustProxy: '',
};

/**
 * The most a count may be unless its variable says otherwise: far above any sensible setting, so that a slip
 * (a few zeros too many) stops the server instead of quietly switching a limit off.
 */
export const MAX_COUNT = 1_000_000;
/** 100 MiB: Socket.IO holds a whole message in memory, so a larger one is a typo rather than a choice. */
export const MAX_MESSAGE_BYTES_CEILING = 100 * 1024 * 1024;
/** Node's timers wait at most 2^31 - 1 ms (24.8 days); a longer timeout fires at once, with a warning. */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The variables whose largest value is not MAX_COUNT. */
const CEILINGS: Partial<Record<string, number>> = {
  MAX_MESSAGE_BYTES: MAX_MESSAGE_BYTES_CEILING,
  MAX_UNSENT_BYTES: MAX_MESSAGE_BYTES_CEILING,
  SHUTDOWN_TIMEOUT_MS: MAX_TIMEOUT_MS,
};

/** A count from 1 to the variable's ceiling, in plain digits (see readInteger for why so strict). */
function readCount(env: NodeJS.ProcessEnv, variable: string, fallback: number): number {
  const max = CEILINGS[variable] ?? MAX_COUNT;
  return readInteger(env[variable], variable, fallback, { min: 1, max });
}

// A hop count, or addresses and subnets (loopback, 10.0.0.0/8) as Express's `trust proxy` takes them.
function readTrustProxy(value: string | undefined): string {
  const trust = (value ?? '').trim();
  try {
    compileTrust(trust);
  } catch {
    throw new Error(
      `TRUST_PROXY must be a number of proxies or a list of their addresses (loopback, 10.0.0.0/8), got "${value}".`,
    );
  }
  return trust;
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
    maxUnsentBytes: readCount(env, 'MAX_UNSENT_BYTES', DEFAULT_LIMITS.maxUnsentBytes),
    maxConnectionsPerAddress: readCount(
      env,
      'MAX_CONNECTIONS_PER_ADDRESS',
      DEFAULT_LIMITS.maxConnectionsPerAddress,
    ),
    addressHandshakesPerSecond: readCount(
      env,
      'ADDRESS_HANDSHAKES_PER_SECOND',
      DEFAULT_LIMITS.addressHandshakesPerSecond,
    ),
    addressHandshakeBurst: readCount(
      env,
      'ADDRESS_HANDSHAKE_BURST',
      DEFAULT_LIMITS.addressHandshakeBurst,
    ),
    addressEventsPerSecond: readCount(
      env,
      'ADDRESS_EVENTS_PER_SECOND',
      DEFAULT_LIMITS.addressEventsPerSecond,
    ),
    addressEventBurst: readCount(env, 'ADDRESS_EVENT_BURST', DEFAULT_LIMITS.addressEventBurst),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
  };
}
