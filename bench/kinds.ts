// The four servers compared, and the client each is driven with.
import type { ServerFile } from './compile';
import { UNLIMITED_EVENTS } from './unlimited';

// `app-before` is the app compiled from another checkout (`--baseline DIR`): before and after, side by side.
export const KINDS = ['app', 'socketio-default', 'socketio-websocket', 'ws', 'app-before'] as const;
export type Kind = (typeof KINDS)[number];

export interface KindSetup {
  file: ServerFile;
  args: string[];
  library: 'socket.io' | 'ws';
  /** The client's transports, in the order it tries them; socket.io-client's default (polling) when omitted. */
  transports?: Array<'websocket' | 'polling'>;
  /** Compiled from the --baseline checkout rather than this one. */
  baseline?: boolean;
  /** Needs a session cookie (GET /api/session) before its sockets connect. */
  session: boolean;
}

export const SETUP: Record<Kind, KindSetup> = {
  // As src/client/socket/setUpSocket.ts connects: websocket first, polling only if that fails.
  app: {
    file: 'app',
    args: [],
    library: 'socket.io',
    transports: ['websocket', 'polling'],
    session: true,
  },
  // The baseline's page passed no transports (polling first, then the upgrade); a --baseline of a checkout
  // that is already websocket-first measures the server alone, with the same clients as before.
  'app-before': { file: 'app', args: [], library: 'socket.io', session: true, baseline: true },
  'socketio-default': {
    file: 'socketio',
    args: [],
    library: 'socket.io',
    session: false,
  },
  'socketio-websocket': {
    file: 'socketio',
    args: ['websocket'],
    library: 'socket.io',
    transports: ['websocket'],
    session: false,
  },
  ws: { file: 'ws', args: [], library: 'ws', session: false },
};

// Every server gets the same environment. The app reads its limits from it, lifted (bench/unlimited.ts).
export const SERVER_ENV: Record<string, string> = { NODE_ENV: 'production', ...UNLIMITED_EVENTS };
