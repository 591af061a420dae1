import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

/** The log keeps the newest entries only, so a long session cannot grow the store without bound. */
export const MAX_LOGGED_MESSAGES = 200;

export type Direction = 'in' | 'out';

export interface LoggedMessage {
  id: number;
  direction: Direction;
  /** The message constant, e.g. IO_SERVER_HELLO. */
  name: string;
  text: string;
  /** Milliseconds since the epoch, when the client sent or received it. */
  at: number;
}

export interface MessagesState {
  entries: LoggedMessage[];
  nextId: number;
}

const initialState: MessagesState = { entries: [], nextId: 1 };

type MessageDetails = Pick<LoggedMessage, 'name' | 'text'>;

// The clock is read in `prepare`, not in the reducer, so reducers stay pure and tests can pass a time.
const withTime = (details: MessageDetails, at: number = Date.now()) => ({
  payload: { ...details, at },
});

function log(state: MessagesState, direction: Direction, message: MessageDetails & { at: number }) {
  state.entries.push({ id: state.nextId, direction, ...message });
  state.nextId += 1;
  if (state.entries.length > MAX_LOGGED_MESSAGES) {
    state.entries.splice(0, state.entries.length - MAX_LOGGED_MESSAGES);
  }
}

export const messagesSlice = createSlice({
  name: 'messages',
  initialState,
  reducers: {
    messageReceived: {
      reducer: (state, action: PayloadAction<MessageDetails & { at: number }>) =>
        log(state, 'in', action.payload),
      prepare: withTime,
    },
    messageSent: {
      reducer: (state, action: PayloadAction<MessageDetails & { at: number }>) =>
        log(state, 'out', action.payload),
      prepare: withTime,
    },
  },
});

export const { messageReceived, messageSent } = messagesSlice.actions;
export default messagesSlice.reducer;
