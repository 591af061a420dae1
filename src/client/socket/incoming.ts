import { createAction, SHOULD_AUTOBATCH, type UnknownAction } from '@reduxjs/toolkit';
import type { ServerEvent, ServerToClientEvents } from '../../shared/messages';
import { consoleMeta, trafficMeta, type ConsoleLine, type Traffic } from './socketMeta';

/** The arguments a server message arrives with, as the shared event map types them. */
export type ServerArgs<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>;

interface IncomingOptions<E extends ServerEvent, P> {
  /** The action's payload, made from the message's arguments. */
  payload: (...args: ServerArgs<E>) => P;
  /** The console line, written after `[socket.io] `. */
  line: (payload: P) => string;
  /** `warn` for lines a person should notice; `log` otherwise. */
  level?: (payload: P) => ConsoleLine['level'];
  /** What the message log shows; without it the message stays out of the log (a tick a second would flood it). */
  log?: (payload: P) => Pick<Traffic, 'text' | 'label' | 'room'>;
}

/**
 * An action creator for one IO_SERVER_* message, the mirror of outgoing(): its type is the message's name, its
 * arguments are the message's, and its meta says what to log and what to print, so one reducer keeps the message
 * log and one middleware writes the console for every message.
 */
export function incoming<E extends ServerEvent, P>(name: E, options: IncomingOptions<E, P>) {
  return createAction(name, (...args: ServerArgs<E>) => {
    const payload = options.payload(...args);
    const line = options.line(payload);
    const level = options.level?.(payload);
    const logged = options.log?.(payload);
    const meta = logged
      ? trafficMeta({ direction: 'in', name, payload, ...logged }, line, level)
      : consoleMeta(line, level);
    // Messages that arrive together (a join's three hellos, a catch-up) update the store one by one but tell
    // the UI once, at the next frame: Redux Toolkit's auto-batching, which configureStore turns on by default.
    return { payload, meta: { ...meta, [SHOULD_AUTOBATCH]: true } };
  });
}

/** For each server message, the action it becomes: a mapped type, so a message without one does not compile. */
export type IncomingTable = { [E in ServerEvent]: (...args: ServerArgs<E>) => UnknownAction };

/**
 * The action for a message as it comes off the wire. Socket.IO hands a catch-all listener the event's name and
 * its arguments untyped; the table is typed per message, and TypeScript cannot correlate the two across a union
 * of names, so this is the one place that reads the table loosely.
 */
export function actionFor(
  table: IncomingTable,
  event: string,
  args: unknown[],
): UnknownAction | undefined {
  if (!Object.hasOwn(table, event)) return undefined;
  const toAction = table[event as ServerEvent] as (...args: unknown[]) => UnknownAction;
  return toAction(...args);
}
