import type { ManagerOptions, SocketOptions } from 'socket.io-client';
import { setUpSocket } from '../../src/client/socket/setUpSocket';
import { makeStore, type AppStore } from '../../src/client/store';
import { startSession } from './session';

export interface StoreClient {
  store: AppStore;
  socket: ReturnType<typeof setUpSocket>;
  /** `[socket.io] …` lines written with console.log, and with console.warn. */
  lines: string[];
  warnings: string[];
}

/**
 * A store wired to a real socket as src/client/index.ts does it, with the console lines collected, on a
 * session named `name` whose cookie the socket sends at every (re)connection, as a browser's would. With
 * `cookie`, that Cookie header instead; with `cookie: ''`, none (a server without sessions, or a guest).
 */
export async function storeClient(
  url: string,
  name = 'tester',
  {
    ackTimeoutMs,
    io,
    cookie,
  }: { ackTimeoutMs?: number; io?: Partial<ManagerOptions & SocketOptions>; cookie?: string } = {},
): Promise<StoreClient> {
  const header = cookie ?? (await startSession(url, name)).cookie;
  const store = makeStore();
  const lines: string[] = [];
  const warnings: string[] = [];
  const socket = setUpSocket(store, {
    url,
    ackTimeoutMs,
    console: { log: (line) => lines.push(line), warn: (line) => warnings.push(line) },
    io: {
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
      ...(header ? { extraHeaders: { cookie: header } } : {}),
      ...io,
    },
  });
  return { store, socket, lines, warnings };
}

/** The message log's entries for one message name. */
export const logged = (store: AppStore, name: string) =>
  store.getState().messages.entries.filter((entry) => entry.name === name);
