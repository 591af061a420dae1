import { io, type Socket } from 'socket.io-client';
import { HELLO_ROOM } from '../../shared/config';
import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CONNECT,
  IO_DISCONNECT,
  IO_SERVER_HELLO,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../shared/messages';
import { connected, disconnected } from '../features/connection/connectionSlice';
import { messageReceived, messageSent } from '../features/messages/messagesSlice';
import type { AppStore } from '../store';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketOptions {
  /** The server to connect to; the page's own origin when omitted. */
  url?: string;
  /** Where the `[socket.io] …` lines go. */
  log?: (line: string) => void;
}

const HELLO_TEXT = 'Hello!';

// The one place where socket traffic meets the store: called once at start-up, never from a component, so
// re-rendering or remounting React can never register a listener twice.
export function setUpSocket(store: AppStore, { url, log = console.log }: SocketOptions = {}) {
  const socket: ClientSocket = url === undefined ? io() : io(url);

  const recordSent = (name: keyof ClientToServerEvents, text: string) => {
    log(`[socket.io] Sent ${name}: ${text}`);
    store.dispatch(messageSent({ name, text }));
  };

  // 'connect' fires again after every reconnect, and a new connection starts with no rooms: join each time.
  socket.on(IO_CONNECT, () => {
    log('[socket.io] Connected.');
    store.dispatch(connected({ socketId: socket.id ?? '' }));

    socket.emit(IO_CLIENT_JOIN_ROOM, HELLO_ROOM);
    recordSent(IO_CLIENT_JOIN_ROOM, HELLO_ROOM);
    socket.emit(IO_CLIENT_HELLO, HELLO_TEXT);
    recordSent(IO_CLIENT_HELLO, HELLO_TEXT);
  });

  socket.on(IO_SERVER_HELLO, (text) => {
    log(`[socket.io] Server: ${text}`);
    store.dispatch(messageReceived({ name: IO_SERVER_HELLO, text }));
  });

  socket.on(IO_DISCONNECT, (reason) => {
    log('[socket.io] Disconnected.');
    store.dispatch(disconnected({ reason }));
  });

  return socket;
}
