import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppServer, Log } from '../types';

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
const SWEEP_INTERVAL_MS = 100;

/**
 * Returns a function that stops the server gracefully and resolves with the exit code: 0 once everything has
 * closed, 1 if it had to give up at the timeout.
 *
 * io.close() tells every Socket.IO client at once and stops listening, but the HTTP server finishes closing only
 * when its last connection ends, and clients keep some open: keep-alive connections that fall idle after the
 * close began, websocket upgrades caught half-way, requests sent only in part. Node's own closeIdleConnections()
 * misses the last two, so connections are counted here: a sweep ends every one with no response being written,
 * and responses in flight may finish until the timeout.
 */
export function gracefulShutdown(
  httpServer: http.Server,
  io: AppServer,
  log: Log,
  timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS,
): () => Promise<number> {
  const responsesInFlight = new Map<Duplex, number>();
  httpServer.on('connection', (socket: Duplex) => {
    responsesInFlight.set(socket, 0);
    socket.once('close', () => responsesInFlight.delete(socket));
  });
  httpServer.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const { socket } = request;
    responsesInFlight.set(socket, (responsesInFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const count = responsesInFlight.get(socket);
      if (count !== undefined) responsesInFlight.set(socket, count - 1);
    });
  });
  const sweep = () =>
    responsesInFlight.forEach((count, socket) => {
      if (count === 0) socket.destroy();
    });

  let closing: Promise<number> | undefined;
  return () => {
    closing ??= new Promise<number>((resolve) => {
      const sweeper = setInterval(sweep, SWEEP_INTERVAL_MS);
      const deadline = setTimeout(() => {
        log(`Shutdown took longer than ${timeoutMs} ms: closing the remaining connections.`);
        clearInterval(sweeper);
        responsesInFlight.forEach((_count, socket) => socket.destroy());
        resolve(1);
      }, timeoutMs);
      io.close(() => {
        clearInterval(sweeper);
        clearTimeout(deadline);
        resolve(0);
      });
      sweep();
    });
    return closing;
  };
}
