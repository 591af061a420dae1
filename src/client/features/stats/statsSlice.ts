import { createSlice } from '@reduxjs/toolkit';
import type { ServerStats } from '../../../shared/messages';
import { statsReceived, subscribeTopic, unsubscribeTopic } from '../../socket/socketActions';

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
