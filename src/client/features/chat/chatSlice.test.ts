import { createSocketLink } from '../../socket/socketLink';
import { makeStore } from '../../store';
import reducer, { chatReceived, MAX_CHAT_LINES_PER_ROOM, selectChatLines } from './chatSlice';

const line = (room: string, text: string, at = 1) => chatReceived({ room, from: 'bob', text, at });

describe('chatSlice', () => {
  it("keeps each room's lines apart, oldest first", () => {
    const lines: string[] = [];
    const record = (text: string) => lines.push(text);
    const store = makeStore(undefined, {
      ...createSocketLink(),
      console: { log: record, warn: record },
    });
    store.dispatch(line('lobby', 'hi'));
    store.dispatch(line('kitchen', 'tea?'));
    store.dispatch(line('lobby', 'how are you'));

    expect(selectChatLines(store.getState(), 'lobby').map(({ text }) => text)).toEqual([
      'hi',
      'how are you',
    ]);
    expect(selectChatLines(store.getState(), 'kitchen').map(({ text }) => text)).toEqual(['tea?']);
    expect(selectChatLines(store.getState(), 'empty')).toBe(
      selectChatLines(store.getState(), 'none'),
    );
    expect(lines).toEqual([
      '[socket.io] Chat in lobby from bob: hi',
      '[socket.io] Chat in kitchen from bob: tea?',
      '[socket.io] Chat in lobby from bob: how are you',
    ]);
  });

  it(`keeps only the newest ${MAX_CHAT_LINES_PER_ROOM} lines of a room`, () => {
    let state = reducer(undefined, { type: 'init' });
    for (let i = 1; i <= MAX_CHAT_LINES_PER_ROOM + 5; i += 1)
      state = reducer(state, line('lobby', `#${i}`, i));

    expect(state.byRoom.lobby).toHaveLength(MAX_CHAT_LINES_PER_ROOM);
    expect(state.byRoom.lobby[0].text).toBe('#6');
  });
});
