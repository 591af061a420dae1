// The chat: a line of text to the members of a room the sender has joined, signed with the sender's name.
import {
  IO_CLIENT_CHAT,
  IO_SERVER_CHAT,
  MAX_CHAT_LENGTH,
  type Answer,
} from '../../shared/messages';
import { parseRoomName } from '../../shared/room';
import { roomKey } from '../socket/rooms';
import type { HandlerContext, Handlers } from '../types';

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

export const chatHandlers = {
  [IO_CLIENT_CHAT]: chat,
} satisfies Partial<Handlers>;
