// Live stats: a topic clients subscribe to, and the feed that ticks to its subscribers.
import {
  IO_CLIENT_SUBSCRIBE,
  IO_CLIENT_UNSUBSCRIBE,
  IO_SERVER_STATS,
  TOPICS,
  type Answer,
  type ServerStats,
  type Topic,
} from '../../shared/messages';
import { uptimeSeconds } from '../http/health';
import { countJoinedRooms } from '../socket/rooms';
import type { AppServer, AppSocket, HandlerContext, Handlers } from '../types';

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
        () => io.local.to(STATS_ROOM).volatile.emit(IO_SERVER_STATS, snapshot()), // a late tick is worth nothing
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

const isTopic = (topic: unknown): topic is Topic => TOPICS.includes(topic as Topic);
const unknownTopic = (topic: unknown) =>
  ({
    ok: false,
    error: `Unknown topic ${JSON.stringify(topic)?.slice(0, 40)}: the server has ${TOPICS.join(', ')}.`,
  }) as const;

// Subscribing and unsubscribing check the topic the same way; only what they ask of the feed differs.
const topicHandler =
  (act: (stats: StatsFeed, socket: AppSocket) => void) =>
  ({ socket, stats }: HandlerContext, topic: unknown): Answer<{ topic: Topic }> => {
    if (!isTopic(topic)) return unknownTopic(topic);
    act(stats, socket);
    return { ok: true, topic };
  };

export const statsHandlers = {
  [IO_CLIENT_SUBSCRIBE]: topicHandler((stats, socket) => stats.subscribe(socket)),
  [IO_CLIENT_UNSUBSCRIBE]: topicHandler((stats, socket) => stats.unsubscribe(socket)),
} satisfies Partial<Handlers>;
