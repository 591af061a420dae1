// Socket.IO puts every socket in a room named after its id, and ids use the same characters as room names.
// Prefixing the rooms clients name keeps them apart: joining "room" <another client's id> reaches nobody.
const PREFIX = 'room:';

export const roomKey = (room: string): string => `${PREFIX}${room}`;

/** How many rooms a socket has joined by name (its own per-socket room does not count). */
export const countJoinedRooms = (rooms: ReadonlySet<string>): number =>
  [...rooms].filter((key) => key.startsWith(PREFIX)).length;
