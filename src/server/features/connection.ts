// What every connection does: join rooms and say hello. Joining answers in the three scopes: everyone, the
// room, and the sender alone.
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_HELLO,
  type Answer,
} from '../../shared/messages';
import { parseRoomName } from '../../shared/room';
import { logText } from '../logText';
import { countJoinedRooms, roomKey } from '../socket/rooms';
import type { HandlerContext, Handlers } from '../types';

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
  log(`[socket.io] A client joined room ${logText(answer.room)}.`);
  // Everyone else's copy is volatile: a client that is not reading right now misses it rather than queueing it,
  // so one client joining over and over cannot fill the memory of every connection (the joiner's own copy is not).
  io.except(socket.id).volatile.emit(IO_SERVER_HELLO, 'Hello everyone!', 'everyone');
  socket.emit(IO_SERVER_HELLO, 'Hello everyone!', 'everyone');
  io.to(key).emit(IO_SERVER_HELLO, `Hello clients of room ${answer.room}!`, 'room');
  socket.emit(IO_SERVER_HELLO, 'Hello you!', 'you');
  return answer;
}

function hello({ log }: HandlerContext, text: unknown): Answer {
  if (typeof text !== 'string') return { ok: false, error: 'A hello must be text.' };
  log(`[socket.io] Client: ${logText(text)}`);
  return { ok: true };
}

export const connectionHandlers = {
  [IO_CLIENT_JOIN_ROOM]: joinRoom,
  [IO_CLIENT_HELLO]: hello,
} satisfies Partial<Handlers>;
