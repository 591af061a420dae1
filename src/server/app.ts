import http from 'node:http';
import { Server } from 'socket.io';
import { createHttpApp, DEFAULT_STATIC_DIRS, type StaticDirs } from './httpApp';
import { registerSocketHandlers } from './socketHandlers';
import type { AppServer, Log } from './types';

export interface AppOptions {
  /** Where the server's log lines go; tests collect them instead of printing. */
  log?: Log;
  staticDirs?: StaticDirs;
}

export interface App {
  httpServer: http.Server;
  io: AppServer;
}

// Builds Express and Socket.IO on one HTTP server without listening, so index.ts picks the port and tests use 0.
export function createApp({
  log = console.log,
  staticDirs = DEFAULT_STATIC_DIRS,
}: AppOptions = {}): App {
  const httpServer = http.createServer(createHttpApp(staticDirs));
  const io: AppServer = new Server(httpServer, { serveClient: false });
  registerSocketHandlers(io, log);
  return { httpServer, io };
}
