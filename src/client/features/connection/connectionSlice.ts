import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { IO_CLIENT_HELLO, IO_SERVER_ERROR, IO_SERVER_HELLO } from '../../../shared/messages';
import { incoming, type IncomingTable } from '../../socket/incoming';
import { outgoing } from '../../socket/outgoing';
import { consoleMeta } from '../../socket/socketMeta';

// The connection's own messages: the hello it says on connecting, the server's hellos, and its refusals.
export const sayHello = outgoing(IO_CLIENT_HELLO, { ack: false, describe: (text) => text });

export const helloReceived = incoming(IO_SERVER_HELLO, {
  payload: (text, scope) => ({ text, scope }),
  line: ({ text }) => `Server: ${text}`,
  log: ({ text, scope }) => ({ text, label: scope }),
});

export const errorReceived = incoming(IO_SERVER_ERROR, {
  payload: (error) => error,
  line: ({ error }) => `Error: ${error}`,
  level: () => 'warn',
  log: ({ error, event }) => ({ text: error, label: event }),
});

export const connectionIncoming = {
  [IO_SERVER_HELLO]: helloReceived,
  [IO_SERVER_ERROR]: errorReceived,
} satisfies Partial<IncomingTable>;

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected' | 'reconnecting';

export interface ConnectionState {
  status: ConnectionStatus;
  socketId: string | null;
  lastDisconnectReason: string | null;
  /** Attempts since the connection was lost; 0 while connected. */
  reconnectAttempts: number;
  /** Why the server refused the last connection attempt, such as a bad display name. */
  lastError: string | null;
}

const initialState: ConnectionState = {
  status: 'connecting',
  socketId: null,
  lastDisconnectReason: null,
  reconnectAttempts: 0,
  lastError: null,
};

// Each action's prepare callback names its console line; the socketConsole middleware writes it.
export const connectionSlice = createSlice({
  name: 'connection',
  initialState,
  reducers: {
    connected: {
      reducer(state, action: PayloadAction<{ socketId: string }>) {
        state.status = 'connected';
        state.socketId = action.payload.socketId;
        state.reconnectAttempts = 0;
        state.lastError = null;
      },
      prepare: (payload: { socketId: string }) => ({ payload, meta: consoleMeta('Connected.') }),
    },
    disconnected: {
      reducer(state, action: PayloadAction<{ reason: string; willReconnect: boolean }>) {
        state.status = action.payload.willReconnect ? 'reconnecting' : 'disconnected';
        state.socketId = null;
        state.lastDisconnectReason = action.payload.reason;
      },
      prepare: (payload: { reason: string; willReconnect: boolean }) => ({
        payload,
        meta: consoleMeta('Disconnected.'),
      }),
    },
    reconnecting: {
      reducer(state, action: PayloadAction<{ attempt: number }>) {
        state.status = 'reconnecting';
        state.reconnectAttempts = action.payload.attempt;
      },
      prepare: (payload: { attempt: number }) => ({
        payload,
        meta: consoleMeta(`Reconnecting (attempt ${payload.attempt})…`),
      }),
    },
    connectFailed: {
      reducer(state, action: PayloadAction<{ error: string; willRetry: boolean }>) {
        state.status = action.payload.willRetry ? 'reconnecting' : 'disconnected';
        state.lastError = action.payload.error;
      },
      // A refusal (bad name) is final; anything else (server down) is retried by socket.io-client.
      prepare: (payload: { error: string; willRetry: boolean }) => ({
        payload,
        meta: consoleMeta(
          payload.willRetry
            ? `Could not connect (${payload.error}); retrying.`
            : `Connection refused: ${payload.error}`,
          'warn',
        ),
      }),
    },
  },
});

export const { connected, disconnected, reconnecting, connectFailed } = connectionSlice.actions;
export default connectionSlice.reducer;
