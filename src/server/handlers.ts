import {
  IO_CLIENT_CHAT,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_SUBSCRIBE,
  IO_CLIENT_UNSUBSCRIBE,
  IO_SERVER_CHAT,
  IO_SERVER_HELLO,
  MAX_CHAT_LENGTH,
  TOPICS,
  type Answer,
  type ClientAnswer,
  type ClientEvent,
  type Topic,
} from '../shared/messages';
import { parseRoomName } from '../shared/room';
import type { Limits } from './limits';
import { countJoinedRooms, roomKey } from './rooms';
import type { StatsFeed } from './statsFeed';
import type { AppServer, AppSocket, Log } from './types';

export interface HandlerContext {
  io: AppServer;
  socket: AppSocket;
  log: Log;
  limits: Limits;
  stats: StatsFeed;
}

// A client can send anything, whatever the event map says, so each handler takes `unknown` and checks it.
// Its answer goes to the ack when the client asked for one, else a refusal comes back as IO_SERVER_ERROR.
type Handler<E extends ClientEvent> = (
  context: HandlerContext,
  payload: unknown,
) => ClientAnswer<E>;

function joinRoom(
  { io, socket, log, limits }: HandlerContext,
  requested: unknown,
): Answer<{ room: string }> {
  const answer = parseRoomName(requested);
  if (!answer.ok) return answer;

  const key = roomKey(answer.room);
  const max = limits.maxRoomsPerSocket;
  if (!socket.rooms.has(key) && countJoinedRooms(socket.rooms) >= max) {
    return {
      ok: false,
      error: `You are in ${max} rooms already, the most one connection may join.`,
    };
  }
  socket.join(key);
  log(`[socket.io] A client joined room ${answer.room}.`);
  io.emit(IO_SERVER_HELLO, 'Hello everyone!', 'everyone');
  io.to(key).emit(IO_SERVER_HELLO, `Hello clients of room ${answer.room}!`, 'room');
  socket.emit(IO_SERVER_HELLO, 'Hello you!', 'you');
  return answer;
}

function hello({ log }: HandlerContext, text: unknown): Answer {
  if (typeof text !== 'string') return { ok: false, error: 'A hello must be text.' };
  log(`[socket.io] Client: ${text}`);
  return { ok: true };
}

function chat({ io, socket }: HandlerContext, request: unknown): Answer<{ at: number }> {
  const { room, text }: { room?: unknown; text?: unknown } =
    typeof request === 'object' && request !== null ? request : {};
  const parsed = parseRoomName(room);
  if (!parsed.ok) return parsed;
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, error: `The message is empty: write 1 to ${MAX_CHAT_LENGTH} characters.` };
  }
  if (text.length > MAX_CHAT_LENGTH) {
    return {
      ok: false,
      error: `The message is ${text.length} characters long: use at most ${MAX_CHAT_LENGTH}.`,
    };
  }
  if (!socket.rooms.has(roomKey(parsed.room))) {
    return { ok: false, error: `Join room ${parsed.room} before sending to it.` };
  }
  const at = Date.now();
  io.to(roomKey(parsed.room)).emit(IO_SERVER_CHAT, {
    room: parsed.room,
    from: socket.data.name,
    text,
    at,
  });
  return { ok: true, at };
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

/** One handler per IO_CLIENT_* message; the mapped type makes a missing one a compile error. */
export const handlers: { [E in ClientEvent]: Handler<E> } = {
  [IO_CLIENT_JOIN_ROOM]: joinRoom,
  [IO_CLIENT_HELLO]: hello,
  [IO_CLIENT_CHAT]: chat,
  [IO_CLIENT_SUBSCRIBE]: topicHandler((stats, socket) => stats.subscribe(socket)),
  [IO_CLIENT_UNSUBSCRIBE]: topicHandler((stats, socket) => stats.unsubscribe(socket)),
};
