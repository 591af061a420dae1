import type { UnknownAction } from '@reduxjs/toolkit';

export type Direction = 'in' | 'out';

/** One message on the wire, as the message log keeps it. */
export interface Traffic {
  direction: Direction;
  /** The message constant, e.g. IO_SERVER_HELLO. */
  name: string;
  payload: unknown;
  /** What a person reads: the hello's text, the chat line. */
  text: string;
  /** A short tag shown beside it: the scope of a hello. */
  label?: string;
  room?: string;
  /** Milliseconds since the epoch, when the client sent or received it. */
  at: number;
}

export interface ConsoleLine {
  line: string;
  level: 'log' | 'warn';
}

/** Socket actions carry what to log and what to print in `meta`, so one reducer and one middleware do each. */
export interface SocketMeta {
  traffic?: Traffic;
  console?: ConsoleLine;
}

export const consoleMeta = (line: string, level: ConsoleLine['level'] = 'log') => ({
  console: { line, level },
});

/** Traffic meta, with its console line: `Server: …` for what comes in, `Sent NAME: …` for what goes out. */
export function trafficMeta(
  traffic: Omit<Traffic, 'at'>,
  line: string,
  level?: ConsoleLine['level'],
) {
  return { traffic: { ...traffic, at: Date.now() }, ...consoleMeta(line, level) };
}

const metaOf = (action: UnknownAction): SocketMeta | undefined =>
  typeof action.meta === 'object' && action.meta !== null ? (action.meta as SocketMeta) : undefined;

export const trafficOf = (action: UnknownAction): Traffic | undefined => metaOf(action)?.traffic;
export const consoleLineOf = (action: UnknownAction): ConsoleLine | undefined =>
  metaOf(action)?.console;
