// Budgets per client address, kept across reconnects. A per-socket rate limit alone is reset by reconnecting,
// and nothing else stops one address from opening thousands of connections; these budgets follow the address:
// how many connections it holds at once, how many new ones it opens a second, and how many events its
// connections send a second between them. Refusing a handshake happens before Engine.IO does any work for it.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import proxyAddr from 'proxy-addr';
import type { Limits } from '../limits';
import { TokenBucket } from './rateLimit';
import type { AppServer, Log } from '../types';

interface AddressState {
  connections: number;
  handshakes: TokenBucket;
  events: TokenBucket;
  seenAt: number;
}

export interface Refusal {
  status: 429 | 503;
  error: string;
}

/** Which proxies may name the client in X-Forwarded-For: none by default (TRUST_PROXY, README). */
export function compileTrust(trustProxy: string): (address: string, hop: number) => boolean {
  if (trustProxy === '') return () => false;
  if (/^\d+$/.test(trustProxy)) {
    const hops = Number(trustProxy);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
}

export class AddressBudgets {
  private readonly addresses = new Map<string, AddressState>();
  private readonly trust: (address: string, hop: number) => boolean;
  // An address idle this long has full buckets again, so forgetting it loses nothing.
  private readonly forgetAfterMs: number;

  constructor(private readonly limits: Limits) {
    this.trust = compileTrust(limits.trustProxy);
    this.forgetAfterMs =
      1000 *
      Math.max(
        limits.addressHandshakeBurst / limits.addressHandshakesPerSecond,
        limits.addressEventBurst / limits.addressEventsPerSecond,
      );
  }

  /** The client's address: the connection's peer, or an X-Forwarded-For entry a trusted proxy added. */
  addressOf(request: http.IncomingMessage): string {
    return proxyAddr(request, this.trust);
  }

  private state(address: string, now: number): AddressState {
    let state = this.addresses.get(address);
    if (!state) {
      const { limits } = this;
      state = {
        connections: 0,
        handshakes: new TokenBucket(
          limits.addressHandshakesPerSecond,
          limits.addressHandshakeBurst,
          now,
        ),
        events: new TokenBucket(limits.addressEventsPerSecond, limits.addressEventBurst, now),
        seenAt: now,
      };
      this.addresses.set(address, state);
    }
    state.seenAt = now;
    return state;
  }

  /** Whether a new connection from `address` may start; the refusal says why, in a sentence. */
  admitHandshake(address: string, now = Date.now()): Refusal | undefined {
    const state = this.state(address, now);
    const { limits } = this;
    if (state.connections >= limits.maxConnectionsPerAddress) {
      return {
        status: 503,
        error: `Too many connections from your address: at most ${limits.maxConnectionsPerAddress} at once. Close a tab and try again.`,
      };
    }
    if (!state.handshakes.take(now)) {
      return {
        status: 429,
        error: `Too many new connections from your address: at most ${limits.addressHandshakesPerSecond} a second (bursts of ${limits.addressHandshakeBurst}). Try again in a moment.`,
      };
    }
    return undefined;
  }

  connected(address: string): void {
    this.state(address, Date.now()).connections += 1;
  }

  disconnected(address: string): void {
    const state = this.addresses.get(address);
    if (state) state.connections = Math.max(0, state.connections - 1);
  }

  /** Takes one event from the budget the address's connections share. */
  takeEvent(address: string, now = Date.now()): boolean {
    return this.state(address, now).events.take(now);
  }

  /** Forgets addresses with no connection that have been idle long enough to be full again. */
  sweep(now = Date.now()): void {
    for (const [address, state] of this.addresses) {
      if (state.connections === 0 && now - state.seenAt >= this.forgetAfterMs) {
        this.addresses.delete(address);
      }
    }
  }

  /** How many addresses are remembered: bounded by those active in the last few seconds. */
  get size(): number {
    return this.addresses.size;
  }
}

// Requests of an open session carry its sid; only the first one, without it, starts a connection.
const isHandshake = (url: string | undefined, socketPath: string): boolean =>
  url !== undefined && url.startsWith(socketPath) && !/[?&]sid=/.test(url);

/**
 * Puts the budgets in front of Socket.IO on `httpServer` (call it after `io.attach`): a handshake over budget is
 * answered 429 or 503 with a JSON `{ ok: false, error }` and `Retry-After`, before Engine.IO allocates anything,
 * and Socket.IO's client retries later by itself. Connections are counted per address while they are open.
 */
export function guardHandshakes(
  httpServer: http.Server,
  io: AppServer,
  budgets: AddressBudgets,
  log: Log,
): void {
  const socketPath = `${io.path()}/`;
  let refusedSinceLog = 0;
  const refuse = (request: http.IncomingMessage): Refusal | undefined => {
    if (!isHandshake(request.url, socketPath)) return undefined;
    const refusal = budgets.admitHandshake(budgets.addressOf(request));
    // One log line per burst of refusals, not one per refused request: a flood must not write the log.
    if (refusal && refusedSinceLog++ === 0) {
      log(`[socket.io] Refused connections over an address's budget: ${refusal.error}`);
    }
    return refusal;
  };
  const logTimer = setInterval(() => {
    if (refusedSinceLog > 1) log(`[socket.io] ...and ${refusedSinceLog - 1} more refused.`);
    refusedSinceLog = 0;
    budgets.sweep();
  }, 10_000);
  httpServer.once('close', () => clearInterval(logTimer));

  const requestListeners = httpServer.listeners('request') as http.RequestListener[];
  httpServer.removeAllListeners('request');
  httpServer.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const refusal = refuse(request);
    if (refusal) {
      response
        .writeHead(refusal.status, { 'Content-Type': 'application/json', 'Retry-After': '1' })
        .end(JSON.stringify({ ok: false, error: refusal.error }));
      return;
    }
    for (const listener of requestListeners) listener.call(httpServer, request, response);
  });

  type UpgradeListener = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => void;
  const upgradeListeners = httpServer.listeners('upgrade') as UpgradeListener[];
  httpServer.removeAllListeners('upgrade');
  httpServer.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuse(request);
    if (refusal) {
      const body = JSON.stringify({ ok: false, error: refusal.error });
      const reason = refusal.status === 429 ? 'Too Many Requests' : 'Service Unavailable';
      socket.end(
        `HTTP/1.1 ${refusal.status} ${reason}\r\nContent-Type: application/json\r\nRetry-After: 1\r\n` +
          `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    for (const listener of upgradeListeners) listener.call(httpServer, request, socket, head);
  });

  io.engine.on(
    'connection',
    (connection: {
      request: http.IncomingMessage;
      once: (event: 'close', listener: () => void) => void;
    }) => {
      const address = budgets.addressOf(connection.request);
      budgets.connected(address);
      connection.once('close', () => budgets.disconnected(address));
    },
  );
}
