// What the benchmark and a server process say to each other over Node's IPC channel. Control goes through IPC,
// never through a client, so that triggering a broadcast or taking a measurement is not itself a client message
// in the server's measured CPU time.

/** A server process's resources, read with process.memoryUsage() and process.cpuUsage(). */
export interface Usage {
  heapUsed: number;
  rss: number;
  /** Microseconds of CPU time since the process started, user and system together. */
  cpuMicros: number;
}

export type ControlRequest =
  /** `gc`: run global.gc() first, so the heap holds only what is still referenced. */
  | { id: number; type: 'usage'; gc: boolean }
  /** Send one notification to every connected client. */
  | { id: number; type: 'broadcast'; text: string };

export type ControlReply =
  { id: number; type: 'usage'; usage: Usage } | { id: number; type: 'sent' };

/** The first thing a server process sends: it listens on 127.0.0.1 at this port. */
export interface ReadyMessage {
  type: 'ready';
  port: number;
}

// The bare servers speak the app's message names and payload shapes, so the same client code drives the app
// and bare Socket.IO, and the raw ws server sends the same JSON inside its own small envelope.
export const JOIN = 'IO_CLIENT_JOIN_ROOM';
export const CHAT = 'IO_CLIENT_CHAT';
export const SERVER_CHAT = 'IO_SERVER_CHAT';
export const SERVER_NOTIFY = 'IO_SERVER_NOTIFY';

/** What a raw ws client sends: a request with an id that its answer repeats. */
export type WsRequest =
  | { type: typeof JOIN; id: number; room: string }
  | { type: typeof CHAT; id: number; room: string; text: string };

/** What the raw ws server sends: an answer to a request, a room's chat line, or a notification. */
export type WsMessage =
  | { type: 'ack'; id: number; ok: boolean }
  | { type: typeof SERVER_CHAT; room: string; from: string; text: string; at: number }
  | { type: typeof SERVER_NOTIFY; kind: 'info'; text: string; at: number };
