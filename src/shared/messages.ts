// Every message name both sides agree on. IO_CLIENT_* go from client to server, IO_SERVER_* from server to
// client; each constant's value is its own name so the browser console and the network tab read the same.
// The event maps below type Socket.IO on both sides: a handler or an emit that does not match does not compile.
import type { RoomAnswer } from './room';

export const IO_CONNECT = 'connect';
export const IO_DISCONNECT = 'disconnect';

export const IO_CLIENT_JOIN_ROOM = 'IO_CLIENT_JOIN_ROOM';
export const IO_CLIENT_HELLO = 'IO_CLIENT_HELLO';

export const IO_SERVER_HELLO = 'IO_SERVER_HELLO';

export interface ClientToServerEvents {
  [IO_CLIENT_JOIN_ROOM]: (room: string, ack?: (answer: RoomAnswer) => void) => void;
  [IO_CLIENT_HELLO]: (text: string) => void;
}

export interface ServerToClientEvents {
  [IO_SERVER_HELLO]: (text: string) => void;
}
