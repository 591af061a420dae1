import reducer, { MAX_LOGGED_MESSAGES, messageReceived, messageSent } from './messagesSlice';

describe('messagesSlice', () => {
  it('logs sent and received messages in order, with direction and time', () => {
    let state = reducer(undefined, messageSent({ name: 'IO_CLIENT_HELLO', text: 'Hello!' }, 1000));
    state = reducer(state, messageReceived({ name: 'IO_SERVER_HELLO', text: 'Hello you!' }, 2000));

    expect(state.entries).toEqual([
      { id: 1, direction: 'out', name: 'IO_CLIENT_HELLO', text: 'Hello!', at: 1000 },
      { id: 2, direction: 'in', name: 'IO_SERVER_HELLO', text: 'Hello you!', at: 2000 },
    ]);
  });

  it('stamps the current time when none is given', () => {
    const before = Date.now();
    const { entries } = reducer(undefined, messageReceived({ name: 'IO_SERVER_HELLO', text: 'x' }));
    expect(entries[0].at).toBeGreaterThanOrEqual(before);
  });

  it(`keeps only the newest ${MAX_LOGGED_MESSAGES} entries`, () => {
    let state = reducer(undefined, { type: 'init' });
    for (let i = 1; i <= MAX_LOGGED_MESSAGES + 5; i += 1) {
      state = reducer(state, messageReceived({ name: 'IO_SERVER_HELLO', text: `#${i}` }, i));
    }

    expect(state.entries).toHaveLength(MAX_LOGGED_MESSAGES);
    expect(state.entries[0].text).toBe('#6');
    expect(state.entries.at(-1)?.text).toBe(`#${MAX_LOGGED_MESSAGES + 5}`);
  });
});
