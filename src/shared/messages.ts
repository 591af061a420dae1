// Every message name both sides agree on. IO_CLIENT_* go from client to server, IO_SERVER_* from server to
// client; each constant's value is its own name so the browser console and the network tab read the same.
// The event maps below type Socket.IO on both sides, and the server's handler table and the client's incoming
// table are keyed by them: a message added here without its handler, or with a payload of the wrong shape,
// does not compile.

export const IO_CONNECT = 'connect';
export const IO_DISCONNECT = 'disconnect';

export const IO_CLIENT_JOIN_ROOM = 'IO_CLIENT_JOIN_ROOM';
export const IO_CLIENT_HELLO = 'IO_CLIENT_HELLO';
export const IO_CLIENT_CHAT = 'IO_CLIENT_CHAT';
export const IO_CLIENT_SUBSCRIBE = 'IO_CLIENT_SUBSCRIBE';
export const IO_CLIENT_UNSUBSCRIBE = 'IO_CLIENT_UNSUBSCRIBE';

export const IO_SERVER_HELLO = 'IO_SERVER_HELLO';
export const IO_SERVER_CHAT = 'IO_SERVER_CHAT';
export const IO_SERVER_ERROR = 'IO_SERVER_ERROR';
export const IO_SERVER_NOTIFY = 'IO_SERVER_NOTIFY';
export const IO_SERVER_STATS = 'IO_SERVER_STATS';
export const IO_SERVER_IDENTITY = 'IO_SERVER_IDENTITY';

/** What the server answers a request: its result, or a sentence saying what to change. */
export type Answer<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };
export type Ack<T extends object = object> = (answer: Answer<T>) => void;

/** Who a hello was sent to: every client, the clients of the joined room, or the joining client alone. */
export type HelloScope = 'everyone' | 'room' | 'you';

export const MAX_CHAT_LENGTH = 500;

export interface ChatRequest {
  room: string;
  text: string;
}

export interface ChatMessage {
  room: string;
  /** The sender's display name. */
  from: string;
  text: string;
  /** Milliseconds since the epoch, stamped by the server. */
  at: number;
}

/** Sent when the server refuses a message that came without an ack to answer. */
export interface ServerError {
  /** The refused message's name. */
  event: string;
  error: string;
}

export const NOTIFICATION_KINDS = ['info', 'warning', 'redirect'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Pushed by the server (POST /api/push) to one user's every tab, or to everyone. */
export interface Notification {
  kind: NotificationKind;
  text: string;
  /** For redirect: an in-app path such as /?room=lobby, never another origin. */
  path?: string;
  at: number;
}

/** Who this connection is, from the server's signed session: sent on connecting and after every rename. */
export interface Identity {
  /** Random and chosen by the server; a push to it reaches every tab of this session and nobody else. */
  userId: string;
  /** What others see; any 1 to 32 printable characters, so two people may share one. */
  name: string;
}

/** Server-side streams a client can subscribe to. */
export const TOPICS = ['stats'] as const;
export type Topic = (typeof TOPICS)[number];

/** The `stats` topic's tick, once a second while subscribed; counts are the sending process's own. */
export interface ServerStats {
  connectedClients: number;
  rooms: number;
  uptimeSeconds: number;
  at: number;
}

export interface ClientToServerEvents {
  [IO_CLIENT_JOIN_ROOM]: (room: string, ack?: Ack<{ room: string }>) => void;
  [IO_CLIENT_HELLO]: (text: string) => void;
  [IO_CLIENT_CHAT]: (chat: ChatRequest, ack?: Ack<{ at: number }>) => void;
  [IO_CLIENT_SUBSCRIBE]: (topic: Topic, ack?: Ack<{ topic: Topic }>) => void;
  [IO_CLIENT_UNSUBSCRIBE]: (topic: Topic, ack?: Ack<{ topic: Topic }>) => void;
}

export interface ServerToClientEvents {
  [IO_SERVER_HELLO]: (text: string, scope: HelloScope) => void;
  [IO_SERVER_CHAT]: (message: ChatMessage) => void;
  [IO_SERVER_ERROR]: (error: ServerError) => void;
  [IO_SERVER_NOTIFY]: (notification: Notification) => void;
  [IO_SERVER_STATS]: (stats: ServerStats) => void;
  [IO_SERVER_IDENTITY]: (identity: Identity) => void;
}

/** What the server keeps about each connection: read from the session at the handshake, renamed in place. */
export type SocketData = Identity;

/** The `data.code` of a refused handshake whose session cookie failed its signature check. */
export const SESSION_INVALID = 'SESSION_INVALID';

export type ClientEvent = keyof ClientToServerEvents;
export type ServerEvent = keyof ServerToClientEvents;
/** The payload of a client message: its first argument. */
export type ClientPayload<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
/** What the server answers a client message: the ack's argument, or a bare Answer when it takes no ack. */
export type ClientAnswer<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]> extends [unknown, (infer AckParam)?]
    ? NonNullable<AckParam> extends (answer: infer A) => void
      ? A
      : Answer
    : Answer;
