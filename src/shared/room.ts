// Room names come from clients, so both sides check them with the same rule: the client can refuse a bad name
// before sending it, and the server never trusts that it did.
import type { Answer } from './messages';

export const MAX_ROOM_LENGTH = 64;

const ROOM_NAME = /^[A-Za-z0-9_-]+$/;
const RULE = `1 to ${MAX_ROOM_LENGTH} letters, digits, _ or -`;

export function parseRoomName(value: unknown): Answer<{ room: string }> {
  if (typeof value !== 'string') {
    return { ok: false, error: `A room name must be text of ${RULE}.` };
  }
  if (value.length === 0) {
    return { ok: false, error: `The room name is empty: use ${RULE}.` };
  }
  if (value.length > MAX_ROOM_LENGTH) {
    return {
      ok: false,
      error: `The room name is ${value.length} characters long: use at most ${MAX_ROOM_LENGTH}.`,
    };
  }
  if (!ROOM_NAME.test(value)) {
    return { ok: false, error: `The room name may only contain letters, digits, _ or -.` };
  }
  return { ok: true, room: value };
}
