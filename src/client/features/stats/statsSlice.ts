import { createSlice } from '@reduxjs/toolkit';
import {
  IO_CLIENT_SUBSCRIBE,
  IO_CLIENT_UNSUBSCRIBE,
  IO_SERVER_STATS,
  type ServerStats,
} from '../../../shared/messages';
import { incoming, type IncomingTable } from '../../socket/incoming';
import { outgoing } from '../../socket/outgoing';

export const subscribeTopic = outgoing(IO_CLIENT_SUBSCRIBE, {
  ack: true,
  describe: (topic) => topic,
});
export const unsubscribeTopic = outgoing(IO_CLIENT_UNSUBSCRIBE, {
  ack: true,
  describe: (topic) => topic,
});

// No log: a tick a second would push everything else out of the message log; stats show in their own panel.
export const statsReceived = incoming(IO_SERVER_STATS, {
  payload: (stats) => stats,
  line: (stats) =>
    `Stats: ${stats.connectedClients} clients, ${stats.rooms} rooms, up ${stats.uptimeSeconds} s`,
});

export const statsIncoming = { [IO_SERVER_STATS]: statsReceived } satisfies Partial<IncomingTable>;

export interface StatsState {
  /** Whether the page wants live stats; the socket layer subscribes again after a reconnect while true. */
  subscribed: boolean;
  latest: ServerStats | null;
  error: string | null;
}

const initialState: StatsState = { subscribed: false, latest: null, error: null };

export const statsSlice = createSlice({
  name: 'stats',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(subscribeTopic.fulfilled, (state) => {
        state.subscribed = true;
        state.error = null;
      })
      .addCase(unsubscribeTopic.fulfilled, (state) => {
        state.subscribed = false;
        state.latest = null;
      })
      .addCase(subscribeTopic.rejected, (state, action) => {
        state.error = action.payload ?? 'The subscription failed.';
      })
      .addCase(statsReceived, (state, { payload }) => {
        if (state.subscribed) state.latest = payload;
      });
  },
});

export default statsSlice.reducer;
