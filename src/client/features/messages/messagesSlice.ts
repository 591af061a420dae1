import { createSlice } from '@reduxjs/toolkit';
import { trafficOf, type Traffic } from '../../socket/socketMeta';

/** The log keeps the newest entries only, so a long session cannot grow the store without bound. */
export const MAX_LOGGED_MESSAGES = 200;

export interface LoggedMessage extends Traffic {
  id: number;
}

export interface MessagesState {
  entries: LoggedMessage[];
  nextId: number;
}

const initialState: MessagesState = { entries: [], nextId: 1 };

// No actions of its own: every socket action, incoming or outgoing, carries its traffic in `meta`.
export const messagesSlice = createSlice({
  name: 'messages',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder.addMatcher(
      (action) => trafficOf(action) !== undefined,
      (state, action) => {
        state.entries.push({ id: state.nextId, ...(trafficOf(action) as Traffic) });
        state.nextId += 1;
        if (state.entries.length > MAX_LOGGED_MESSAGES) {
          state.entries.splice(0, state.entries.length - MAX_LOGGED_MESSAGES);
        }
      },
    );
  },
});

export default messagesSlice.reducer;
