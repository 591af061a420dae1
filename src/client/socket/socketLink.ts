import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/messages';
import type { SocketMeta } from './socketMeta';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Where the `[socket.io] …` lines go: the browser console, or an array in tests. */
export interface SocketConsole {
  log(line: string): void;
  warn(line: string): void;
}

export const DEFAULT_ACK_TIMEOUT_MS = 5000;

/**
 * What the store's thunks use to reach the server. The store is made first and owns the link; setUpSocket
 * attaches the socket to it once, so outgoing actions work from any component without importing the socket.
 */
export interface SocketLink {
  socket: ClientSocket | null;
  /** Where the session's HTTP routes are: '' for the page's own origin. */
  serverUrl: string;
  console: SocketConsole;
  ackTimeoutMs: number;
  /** Sends waiting for the connection to come back, in the order they were dispatched. */
  outbox: Array<() => void>;
}

export function createSocketLink(): SocketLink {
  return { socket: null, serverUrl: '', console, ackTimeoutMs: DEFAULT_ACK_TIMEOUT_MS, outbox: [] };
}

/** Lets the waiting sends go, oldest first; called once the connection has rejoined its rooms. */
export function releaseOutbox(link: SocketLink): void {
  link.outbox.splice(0).forEach((send) => send());
}

/** The thunk options every socket thunk shares: the link as `extra`, refusals as readable strings. */
export interface SocketThunkConfig {
  extra: SocketLink;
  rejectValue: string;
  rejectedMeta: SocketMeta;
}
