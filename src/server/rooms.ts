// Socket.IO puts every socket in a room named after its id, and ids use the same characters as room names.
// Prefixing the rooms clients name keeps them apart: joining "room" <another client's id> reaches nobody.
export const roomKey = (room: string): string => `room:${room}`;
