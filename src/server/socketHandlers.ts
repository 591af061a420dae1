import type { Server, Socket } from 'socket.io';
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_HELLO,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../shared/messages';
import { parseRoomName, type RoomAnswer } from '../shared/room';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents>;
export type Log = (line: string) => void;

// Socket.IO puts every socket in a room named after its id, and ids use the same characters as room names.
// Prefixing the rooms clients name keeps them apart: joining "room" <another client's id> reaches nobody.
export const roomKey = (room: string): string => `room:${room}`;

const isAck = (value: unknown): value is (answer: RoomAnswer) => void =>
  typeof value === 'function';

// Payloads are typed by the event map, but a client can send anything: each handler takes `unknown` and checks.
export function registerSocketHandlers(io: AppServer, log: Log): void {
  io.on('connection', (socket: AppSocket) => {
    log('[socket.io] A client connected.');

    socket.on(IO_CLIENT_JOIN_ROOM, (requested: unknown, ack: unknown) => {
      const answer = joinRoom(io, socket, requested, log);
      if (isAck(ack)) ack(answer);
    });

    socket.on(IO_CLIENT_HELLO, (text: unknown) => {
      if (typeof text === 'string') log(`[socket.io] Client: ${text}`);
    });

    socket.on('disconnect', () => {
      log('[socket.io] A client disconnected.');
    });
  });
}

function joinRoom(io: AppServer, socket: AppSocket, requested: unknown, log: Log): RoomAnswer {
  const answer = parseRoomName(requested);
  if (!answer.ok) return answer;

  const key = roomKey(answer.room);
  socket.join(key);
  log(`[socket.io] A client joined room ${answer.room}.`);
  io.emit(IO_SERVER_HELLO, 'Hello everyone!');
  io.to(key).emit(IO_SERVER_HELLO, `Hello clients of room ${answer.room}!`);
  socket.emit(IO_SERVER_HELLO, 'Hello you!');
  return answer;
}
