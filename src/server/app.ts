import http from 'node:http';
import { Server } from 'socket.io';
import { attachAdapter, type AdapterHandle } from './adapter';
import { healthReport } from './health';
import { createHttpApp, DEFAULT_STATIC_DIRS, type StaticDirs } from './httpApp';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { checkOrigin } from './origin';
import { registerSocketHandlers } from './socketHandlers';
import type { AppServer, Log } from './types';

export interface AppOptions {
  /** Where the server's log lines go; tests collect them instead of printing. */
  log?: Log;
  staticDirs?: StaticDirs;
  limits?: Partial<Limits>;
  /** Share rooms and broadcasts with every process on this Redis; in memory when omitted. */
  redisUrl?: string;
}

export interface App {
  httpServer: http.Server;
  io: AppServer;
  limits: Limits;
  adapter: AdapterHandle;
}

// Builds Express and Socket.IO on one HTTP server without listening, so index.ts picks the port and tests use 0.
export function createApp({
  log = console.log,
  staticDirs = DEFAULT_STATIC_DIRS,
  limits: overrides = {},
  redisUrl,
}: AppOptions = {}): App {
  const limits: Limits = { ...DEFAULT_LIMITS, ...overrides };
  const startedAt = Date.now();
  // The health check reads io and the adapter, made just below: it only runs once requests arrive.
  const health = () => healthReport(io, adapter, startedAt);
  const httpServer = http.createServer(createHttpApp(staticDirs, health));
  const io: AppServer = new Server(httpServer, {
    serveClient: false,
    // Applies to a websocket message and to a polling request's body alike; over it, only the sender is cut off.
    maxHttpBufferSize: limits.maxMessageBytes,
    allowRequest: checkOrigin(limits.allowedOrigins),
  });
  const adapter = attachAdapter(io, redisUrl, log);
  registerSocketHandlers(io, log, limits);
  return { httpServer, io, limits, adapter };
}
