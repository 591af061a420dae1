import { createSlice } from '@reduxjs/toolkit';
import { HELLO_ROOM } from '../../../shared/config';
import { IO_CLIENT_JOIN_ROOM } from '../../../shared/messages';
import { outgoing } from '../../socket/outgoing';

export const joinRoom = outgoing(IO_CLIENT_JOIN_ROOM, {
  ack: true,
  describe: (room) => room,
  room: (room) => room,
});

export interface RoomsState {
  /** Where chat goes: the room joined last. */
  current: string;
  /** Every room joined so far; the socket layer joins them all again after a reconnect. */
  joined: string[];
  /** The room a join is waiting for an answer about. */
  joining: string | null;
  /** Why the last join was refused. */
  error: string | null;
}

const initialState: RoomsState = { current: HELLO_ROOM, joined: [], joining: null, error: null };

export const roomsSlice = createSlice({
  name: 'rooms',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(joinRoom.pending, (state, action) => {
        state.joining = action.meta.arg;
        state.error = null;
      })
      .addCase(joinRoom.fulfilled, (state, { payload }) => {
        state.current = payload.room;
        if (!state.joined.includes(payload.room)) state.joined.push(payload.room);
        state.joining = null;
      })
      .addCase(joinRoom.rejected, (state, action) => {
        state.error = action.payload ?? action.error.message ?? 'The join failed.';
        state.joining = null;
      });
  },
});

/** The rooms to (re)join on connect: all joined so far, and the current one if its join never came back. */
export const roomsToJoin = ({ current, joined }: RoomsState): string[] =>
  joined.includes(current) ? joined : [...joined, current];

export default roomsSlice.reducer;
