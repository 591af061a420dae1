import { IO_SERVER_STATS, type ServerStats } from '../shared/messages';
import { uptimeSeconds } from './health';
import { countJoinedRooms } from './rooms';
import type { AppServer, AppSocket } from './types';

const STATS_ROOM = 'topic:stats';
export const DEFAULT_STATS_INTERVAL_MS = 1000;

export interface StatsFeed {
  subscribe(socket: AppSocket): void;
  unsubscribe(socket: AppSocket): void;
  /** Whether the timer runs: only while at least one socket is subscribed. */
  isTicking(): boolean;
}

/**
 * The `stats` topic: a snapshot once a second to its subscribers. The timer is reference-counted (subscribe,
 * unsubscribe and disconnect), so an idle server does no work for it. Each process ticks to its own subscribers
 * (io.local), so a cluster sends one tick per subscriber, not one per process.
 */
export function createStatsFeed(
  io: AppServer,
  startedAt: number,
  intervalMs = DEFAULT_STATS_INTERVAL_MS,
): StatsFeed {
  const subscribers = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const snapshot = (): ServerStats => ({
    connectedClients: io.engine.clientsCount,
    rooms: countJoinedRooms(io.of('/').adapter.rooms.keys()),
    uptimeSeconds: uptimeSeconds(startedAt),
    at: Date.now(),
  });

  return {
    subscribe(socket) {
      socket.join(STATS_ROOM);
      subscribers.add(socket.id);
      socket.emit(IO_SERVER_STATS, snapshot()); // the first one at once, not a second later
      timer ??= setInterval(
        () => io.local.to(STATS_ROOM).emit(IO_SERVER_STATS, snapshot()),
        intervalMs,
      );
    },
    unsubscribe(socket) {
      socket.leave(STATS_ROOM);
      subscribers.delete(socket.id);
      if (subscribers.size === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    isTicking: () => timer !== undefined,
  };
}
