import { createSlice } from '@reduxjs/toolkit';
import { IO_CLIENT_CHAT, IO_SERVER_CHAT, type ChatMessage } from '../../../shared/messages';
import { incoming, type IncomingTable } from '../../socket/incoming';
import { outgoing } from '../../socket/outgoing';
import type { RootState } from '../../store';

export const sendChat = outgoing(IO_CLIENT_CHAT, {
  ack: true,
  describe: ({ room, text }) => `${room}: ${text}`,
  room: ({ room }) => room,
});

export const chatReceived = incoming(IO_SERVER_CHAT, {
  payload: (message) => message,
  line: ({ room, from, text }) => `Chat in ${room} from ${from}: ${text}`,
  log: ({ room, text }) => ({ text, room }),
});

export const chatIncoming = { [IO_SERVER_CHAT]: chatReceived } satisfies Partial<IncomingTable>;

/** Each room keeps its newest lines only, so a long session cannot grow the store without bound. */
export const MAX_CHAT_LINES_PER_ROOM = 200;

export interface ChatLine extends ChatMessage {
  id: number;
}

export interface ChatState {
  byRoom: Record<string, ChatLine[]>;
  nextId: number;
}

const initialState: ChatState = { byRoom: {}, nextId: 1 };

export const chatSlice = createSlice({
  name: 'chat',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder.addCase(chatReceived, (state, { payload }) => {
      const lines = (state.byRoom[payload.room] ??= []);
      lines.push({ id: state.nextId, ...payload });
      state.nextId += 1;
      if (lines.length > MAX_CHAT_LINES_PER_ROOM) {
        lines.splice(0, lines.length - MAX_CHAT_LINES_PER_ROOM);
      }
    });
  },
});

const NO_LINES: ChatLine[] = [];

/** A room's chat, oldest first; the same empty array for a room without lines, so components do not re-render. */
export const selectChatLines = (state: RootState, room: string): ChatLine[] =>
  state.chat.byRoom[room] ?? NO_LINES;

export default chatSlice.reducer;
