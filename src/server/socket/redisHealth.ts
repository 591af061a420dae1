// Whether Redis is doing its job, asked of Redis itself. An open socket proves nothing: a frozen Redis keeps its
// sockets open and answers nothing, and one that wants a password accepts the connection and refuses every command.
import type { Log } from '../types';

/** How often each Redis connection is sent PING. */
export const REDIS_PING_INTERVAL_MS = 1000;
/** How long a PING may go unanswered before Redis counts as away. */
export const REDIS_PING_TIMEOUT_MS = 1000;

/** The part of a node-redis client the watch needs. */
export interface Pingable {
  readonly isReady: boolean;
  ping(): Promise<unknown>;
}

export interface RedisHealth {
  healthy(): boolean;
  /** Resolves the first time every connection answers PING. */
  ready: Promise<void>;
  /** A command or a connection failed: degraded until a PING sent after it is answered. */
  failed(error: unknown): void;
  /** Probes now rather than at the next tick, as when a connection has just come back. */
  probe(): void;
  stop(): void;
}

/**
 * A readable reason. Checked by shape, not instanceof: errors made by Node itself come from another realm under a
 * test runner's sandbox. A refused connection to a name with two addresses is an AggregateError with no message.
 */
export function reasonOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { message, errors, name } = error as {
    message?: unknown;
    errors?: unknown;
    name?: unknown;
  };
  if (typeof message === 'string' && message !== '') return message;
  if (Array.isArray(errors) && errors.length > 0) return errors.map(reasonOf).join('; ');
  return typeof name === 'string' ? name : String(error);
}

/**
 * Sends PING on every connection each interval, at most one unanswered at a time per connection, so a freeze of
 * any length costs one pending command each. Logs the first reason of an outage once, and once when it is over.
 */
export function watchRedisHealth(clients: Pingable[], log: Log): RedisHealth {
  let healthy = false;
  let outageReported = false;
  let stopped = false;
  let lastFailureAt = -Infinity;
  let inFlight = false;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  let becameReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    becameReady = resolve;
  });

  const failed = (error: unknown) => {
    if (stopped) return;
    lastFailureAt = performance.now();
    healthy = false;
    if (outageReported) return;
    outageReported = true;
    log(
      `[redis] Redis is unreachable (${reasonOf(error)}): serving this process's clients only, and retrying.`,
    );
  };

  const answered = (sentAt: number) => {
    // A failure after this PING left has not been answered by it.
    if (stopped || lastFailureAt >= sentAt || !clients.every((client) => client.isReady)) return;
    healthy = true;
    becameReady();
    if (!outageReported) return;
    outageReported = false;
    log('[redis] Redis is back: broadcasts reach every process again.');
  };

  const probe = () => {
    // A connection that is not ready reports its own errors while it reconnects; PING waits for it.
    if (stopped || inFlight || !clients.every((client) => client.isReady)) return;
    inFlight = true;
    const sentAt = performance.now();
    deadline = setTimeout(
      () => failed(new Error(`no answer to PING within ${REDIS_PING_TIMEOUT_MS} ms`)),
      REDIS_PING_TIMEOUT_MS,
    );
    void Promise.allSettled(clients.map((client) => client.ping())).then((results) => {
      clearTimeout(deadline);
      inFlight = false;
      const refused = results.find((result) => result.status === 'rejected');
      if (refused) failed(refused.reason);
      else answered(sentAt);
    });
  };

  const timer = setInterval(probe, REDIS_PING_INTERVAL_MS);
  return {
    healthy: () => healthy,
    ready,
    failed,
    probe,
    stop: () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(deadline);
    },
  };
}
