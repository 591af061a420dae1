import { io, type ManagerOptions, type SocketOptions as IoSocketOptions } from 'socket.io-client';
import { IO_CONNECT, IO_DISCONNECT, SESSION_INVALID } from '../../shared/messages';
import {
  connected,
  connectFailed,
  disconnected,
  reconnecting,
  sayHello,
} from '../features/connection/connectionSlice';
import { renewSession } from '../features/identity/identitySlice';
import { joinRoom, roomsToJoin } from '../features/rooms/roomsSlice';
import { subscribeTopic } from '../features/stats/statsSlice';
import type { AppStore } from '../store';
import { actionFor } from './incoming';
import { incomingActions } from './incomingActions';
import { releaseOutbox, type ClientSocket, type SocketConsole } from './socketLink';

const HELLO_TEXT = 'Hello!';

export interface SocketOptions {
  /** The server to connect to; the page's own origin when omitted. */
  url?: string;
  /** Where the `[socket.io] …` lines go; the browser console when omitted. */
  console?: SocketConsole;
  /** How long an acknowledged message waits for its answer. */
  ackTimeoutMs?: number;
  /** Passed to socket.io-client as they are (tests pick the transport and the reconnection delays). */
  io?: Partial<ManagerOptions & IoSocketOptions>;
}

/**
 * The one place where the socket meets the store, called once at start-up (never from a component): every
 * listener is registered here a single time, so remounting React or reconnecting cannot double a message.
 */
export function setUpSocket(store: AppStore, options: SocketOptions = {}): ClientSocket {
  // No auth: who this is comes from the session cookie the browser sends with the handshake.
  // Websocket first: the connection is up after one round trip instead of several polling requests and an
  // upgrade. Where a proxy or a network refuses websockets, tryAllTransports falls back to HTTP long-polling.
  const ioOptions: SocketOptions['io'] = {
    autoConnect: false,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    ...options.io,
  };
  const { link } = store;
  if (link.socket) throw new Error('setUpSocket was already called for this store.');
  const socket: ClientSocket =
    options.url === undefined ? io(ioOptions) : io(options.url, ioOptions);
  link.socket = socket;
  if (options.url !== undefined) link.serverUrl = options.url;
  if (options.console) link.console = options.console;
  if (options.ackTimeoutMs !== undefined) link.ackTimeoutMs = options.ackTimeoutMs;

  // 'connect' fires after every reconnect too, and a new connection starts in no room: join them all again,
  // then let out what was dispatched while offline. One connection delivers in order and the server handles a
  // socket's messages in order, so the rooms are joined before any of it arrives.
  let renewed = false;
  socket.on(IO_CONNECT, () => {
    renewed = false;
    store.dispatch(connected({ socketId: socket.id ?? '' }));
    roomsToJoin(store.getState().rooms).forEach((room) => store.dispatch(joinRoom(room)));
    if (store.getState().stats.subscribed) store.dispatch(subscribeTopic('stats'));
    store.dispatch(sayHello(HELLO_TEXT));
    releaseOutbox(link);
  });
  socket.on(IO_DISCONNECT, (reason) => {
    store.dispatch(disconnected({ reason, willReconnect: socket.active }));
  });
  // socket.active is false when the server refused the handshake: it will not retry by itself. A session
  // that no longer passes the signature check is renewed once, then the socket connects again.
  socket.on('connect_error', (error: Error & { data?: { code?: unknown } }) => {
    if (error.data?.code === SESSION_INVALID && !renewed) {
      renewed = true;
      void store.dispatch(renewSession()).then(() => socket.connect());
      return;
    }
    store.dispatch(connectFailed({ error: error.message, willRetry: socket.active }));
  });
  socket.io.on('reconnect_attempt', (attempt) => {
    store.dispatch(reconnecting({ attempt }));
  });

  socket.onAny((event: string, ...args: unknown[]) => {
    const action = actionFor(incomingActions, event, args);
    if (action) store.dispatch(action);
  });

  socket.connect();
  return socket;
}
