import { isAction, type Middleware } from '@reduxjs/toolkit';
import { consoleLineOf } from './socketMeta';
import type { SocketLink } from './socketLink';

/** The one place that writes `[socket.io] …` lines: every socket action says its line in its meta. */
export function socketConsole(link: SocketLink): Middleware {
  return () => (next) => (action) => {
    const line = isAction(action) ? consoleLineOf(action) : undefined;
    if (line) link.console[line.level](`[socket.io] ${line.line}`);
    return next(action);
  };
}
