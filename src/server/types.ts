import type { Server, Socket } from 'socket.io';
import type {
  ClientAnswer,
  ClientEvent,
  ClientToServerEvents,
  Identity,
  ServerToClientEvents,
  SocketData,
} from '../shared/messages';
import type { StatsFeed } from './features/stats';
import type { Limits } from './limits';

/** Messages between server processes (through Redis; none leave a lone process). */
interface InterServerEvents {
  /** A session was renamed on one process: the others rename their sockets of that user (session/). */
  renamed: (identity: Identity) => void;
}

export type AppServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type AppSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type Log = (line: string) => void;

/** What a handler gets besides the payload: the server, the sender, and what the features share. */
export interface HandlerContext {
  io: AppServer;
  socket: AppSocket;
  log: Log;
  limits: Limits;
  stats: StatsFeed;
}

// A client can send anything, whatever the event map says, so each handler takes `unknown` and checks it.
// Its answer goes to the ack when the client asked for one, else a refusal comes back as IO_SERVER_ERROR.
export type Handler<E extends ClientEvent> = (
  context: HandlerContext,
  payload: unknown,
) => ClientAnswer<E>;

/** One handler per IO_CLIENT_* message. Each feature fills in its own part (`satisfies Partial<Handlers>`). */
export type Handlers = { [E in ClientEvent]: Handler<E> };
