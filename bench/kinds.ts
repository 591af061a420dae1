// The four servers compared, and the client each is driven with.
import type { ServerFile } from './compile';

export const KINDS = ['app', 'socketio-default', 'socketio-websocket', 'ws'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindSetup {
  file: ServerFile;
  args: string[];
  library: 'socket.io' | 'ws';
  /** Clients connect over websocket from the start instead of polling first. */
  websocketOnly: boolean;
  /** Needs a session cookie (GET /api/session) before its sockets connect. */
  session: boolean;
}

export const SETUP: Record<Kind, KindSetup> = {
  // src/client/socket/setUpSocket.ts passes no transports, so the page polls first and upgrades: so do these.
  app: { file: 'app', args: [], library: 'socket.io', websocketOnly: false, session: true },
  'socketio-default': {
    file: 'socketio',
    args: [],
    library: 'socket.io',
    websocketOnly: false,
    session: false,
  },
  'socketio-websocket': {
    file: 'socketio',
    args: ['websocket'],
    library: 'socket.io',
    websocketOnly: true,
    session: false,
  },
  ws: { file: 'ws', args: [], library: 'ws', websocketOnly: true, session: false },
};

// Every server gets the same environment. The app reads its limits from it, lifted as in bench/crossProcess.ts:
// the clients are a benchmark, not people, and all of them come from one address.
export const SERVER_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_BURST: '1000000',
  ADDRESS_EVENTS_PER_SECOND: '1000000',
  ADDRESS_EVENT_BURST: '1000000',
};
