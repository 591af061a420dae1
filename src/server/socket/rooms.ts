// Socket.IO puts every socket in a room named after its id, and ids use the same characters as room names.
// Prefixing the rooms clients name keeps them apart: joining "room" <another client's id> reaches nobody.
const PREFIX = 'room:';

export const roomKey = (room: string): string => `${PREFIX}${room}`;

/**
 * Every socket also joins a private room for its session's user id, so a push reaches all of that user's tabs.
 * Its prefix differs from the one above, so no room a client names can ever be it.
 */
export const userRoomKey = (userId: string): string => `user:${userId}`;

/** How many rooms a socket has joined by name (its own per-socket room does not count). */
export function countJoinedRooms(rooms: Iterable<string>): number {
  let count = 0;
  for (const key of rooms) if (key.startsWith(PREFIX)) count += 1;
  return count;
}
