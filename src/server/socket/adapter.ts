import type { AppServer, Log } from '../types';
import { watchRedisHealth } from './redisHealth';

/** Which adapter carries broadcasts between processes, and whether it can right now. */
export interface AdapterHandle {
  kind: 'memory' | 'redis';
  /** Whether Redis answered the last PING and no command failed since (always true in memory). */
  healthy(): boolean;
  /** Resolves once the adapter can reach every process (at once for the in-memory one). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const MEMORY: AdapterHandle = {
  kind: 'memory',
  healthy: () => true,
  ready: Promise.resolve(),
  close: async () => undefined,
};

/**
 * With a Redis URL, rooms and broadcasts span every process that shares it (Socket.IO's Redis adapter);
 * without one, the in-memory default, which needs nothing installed.
 */
export function attachAdapter(
  io: AppServer,
  redisUrl: string | undefined,
  log: Log,
): AdapterHandle {
  if (!redisUrl) return MEMORY;
  const { createAdapter, createClient } = loadRedis();

  // The publisher has no offline queue: while Redis is away a broadcast still reaches this process's clients,
  // and its copy for the others is dropped instead of piling up in memory and arriving late. The subscriber
  // keeps its queue, so its subscriptions wait for the connection (and node-redis renews them on reconnect).
  const publisher = createClient({ url: redisUrl, disableOfflineQueue: true });
  const subscriber = publisher.duplicate({ disableOfflineQueue: false });

  // Health is PING answered, not a socket open (see redisHealth.ts); node-redis emits 'error' on every failed
  // retry, and the watch logs only the change of state, once each way.
  const health = watchRedisHealth([publisher, subscriber], log);
  for (const client of [publisher, subscriber]) {
    client.on('error', health.failed);
    client.on('ready', health.probe);
  }

  void Promise.all([publisher.connect(), subscriber.connect()]).then(health.probe, health.failed);
  io.adapter(createAdapter(handled(publisher, health.failed), handled(subscriber, health.failed)));

  return {
    kind: 'redis',
    healthy: health.healthy,
    ready: health.ready,
    // destroy(), not close(): close() waits for queued commands, which never complete while Redis is away.
    close: async () => {
      health.stop();
      publisher.destroy();
      subscriber.destroy();
    },
  };
}

/**
 * The Redis client and adapter, loaded only when REDIS_URL asks for them: a server without Redis then starts
 * faster and holds about 8 MB less (`npm run bench`, "RSS with no clients": 73 MiB before, 65 after). require()
 * rather than import, because an import is loaded at start whether it is used or not.
 */
function loadRedis() {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on demand, see above */
  const { createClient } = require('redis') as typeof import('redis');
  const { createAdapter } =
    require('@socket.io/redis-adapter') as typeof import('@socket.io/redis-adapter');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return { createClient, createAdapter };
}

/**
 * The adapter sends some commands without awaiting them (publish, unsubscribe on close). While Redis is away
 * those are refused, and an unhandled rejection would end the process: this view of the client gives each
 * command's promise a handler, which counts the failure against Redis's health, and callers that do await it
 * still see the error.
 */
function handled<Client extends object>(client: Client, onError: (error: unknown) => void): Client {
  // Made once per method: the adapter reads `publish` on every broadcast.
  const wrappers = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!wrappers.has(property)) {
        wrappers.set(property, (...args: unknown[]) => {
          const result: unknown = value.apply(target, args);
          if (result instanceof Promise) result.catch(onError);
          return result;
        });
      }
      return wrappers.get(property);
    },
  });
}
