import crypto from 'node:crypto';
import http from 'node:http';
import { Server } from 'socket.io';
import { attachAdapter, type AdapterHandle } from './socket/adapter';
import { healthReport } from './http/health';
import { createHostCheck } from './http/allowedHosts';
import { createHttpApp, DEFAULT_STATIC_DIRS, type StaticDirs } from './http/httpApp';
import type { PageAssets } from './http/pageAssets';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { AddressBudgets, compileTrust, guardHandshakes } from './socket/addressBudget';
import { checkHost, checkOrigin } from './socket/origin';
import { boundUnsent } from './socket/unsent';
import { createPushRouter } from './http/pushRoute';
import { registerSocketHandlers } from './socket/wiring';
import { identifyFromSession, readSessionOnHandshake } from './session/session';
import { createSessionRouter, listenForRenames, pageSession } from './session/sessionRoutes';
import { createStatsFeed, DEFAULT_STATS_INTERVAL_MS, type StatsFeed } from './features/stats';
import type { AppServer, Log } from './types';

export interface AppOptions {
  /** Where the server's log lines go; tests collect them instead of printing. */
  log?: Log;
  staticDirs?: StaticDirs;
  limits?: Partial<Limits>;
  /** Share rooms and broadcasts with every process on this Redis; in memory when omitted. */
  redisUrl?: string;
  /** The bearer token POST /api/push requires; the endpoint is off without one. */
  pushToken?: string;
  statsIntervalMs?: number;
  /**
   * Sign the session cookie with the first, accept them all (session/secrets.ts reads SESSION_SECRET). One made
   * up for this app when omitted, as tests want: its sessions are valid on this app alone.
   */
  sessionKeys?: string[];
  /** The scripts the page names: the build's in staticDirs.distDir when omitted (http/pageAssets.ts). */
  assets?: () => PageAssets;
}

export interface App {
  httpServer: http.Server;
  io: AppServer;
  limits: Limits;
  adapter: AdapterHandle;
  stats: StatsFeed;
}

// Builds Express and Socket.IO on one HTTP server without listening, so index.ts picks the port and tests use 0.
// Socket.IO comes first, so the HTTP routes that use it (health, push) can be built, then it is attached.
export function createApp({
  log = console.log,
  staticDirs = DEFAULT_STATIC_DIRS,
  limits: overrides = {},
  redisUrl,
  pushToken,
  statsIntervalMs = DEFAULT_STATS_INTERVAL_MS,
  sessionKeys = [crypto.randomBytes(32).toString('base64url')],
  assets,
}: AppOptions = {}): App {
  const limits: Limits = { ...DEFAULT_LIMITS, ...overrides };
  const startedAt = Date.now();
  const io: AppServer = new Server({
    serveClient: false,
    // Applies to a websocket message and to a polling request's body alike; over it, only the sender is cut off.
    maxHttpBufferSize: limits.maxMessageBytes,
    allowRequest: checkOrigin(limits.allowedOrigins),
  });
  const hostCheck = createHostCheck(limits.allowedHosts, limits.allowedOrigins);
  io.use(checkHost(hostCheck)); // before the handlers' own checks, so a rebinding page gets no further
  io.use(identifyFromSession);
  listenForRenames(io);
  const adapter = attachAdapter(io, redisUrl, log);
  const stats = createStatsFeed(io, startedAt, statsIntervalMs);
  const budgets = new AddressBudgets(limits);
  registerSocketHandlers(io, log, limits, stats, budgets);

  const httpApp = createHttpApp(staticDirs, {
    health: () => healthReport(io, adapter, startedAt),
    api: [
      createPushRouter(io, { token: pushToken, adapter, log }),
      createSessionRouter(io, {
        keys: sessionKeys,
        allowedOrigins: limits.allowedOrigins,
        adapter,
      }),
    ],
    hostCheck,
    pageSession: pageSession(sessionKeys),
    trustProxy: compileTrust(limits.trustProxy),
    assets,
  });
  const httpServer = http.createServer(httpApp);
  io.attach(httpServer);
  readSessionOnHandshake(io, sessionKeys);
  // Engine.IO exists once attached; these watch its connections, beneath Socket.IO's.
  boundUnsent(io, limits, log);
  guardHandshakes(httpServer, io, budgets, log);
  return { httpServer, io, limits, adapter, stats };
}
