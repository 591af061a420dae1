import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

export interface ConnectionState {
  status: ConnectionStatus;
  socketId: string | null;
  lastDisconnectReason: string | null;
}

const initialState: ConnectionState = {
  status: 'connecting',
  socketId: null,
  lastDisconnectReason: null,
};

export const connectionSlice = createSlice({
  name: 'connection',
  initialState,
  reducers: {
    connected(state, action: PayloadAction<{ socketId: string }>) {
      state.status = 'connected';
      state.socketId = action.payload.socketId;
    },
    disconnected(state, action: PayloadAction<{ reason: string }>) {
      state.status = 'disconnected';
      state.socketId = null;
      state.lastDisconnectReason = action.payload.reason;
    },
  },
});

export const { connected, disconnected } = connectionSlice.actions;
export default connectionSlice.reducer;
