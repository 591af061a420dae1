import { helloReceived, sayHello } from '../connection/connectionSlice';
import { queuedMessageSent } from '../../socket/outgoing';
import { createSocketLink } from '../../socket/socketLink';
import { makeStore } from '../../store';
import reducer, { MAX_LOGGED_MESSAGES } from './messagesSlice';

describe('messagesSlice', () => {
  it('logs the traffic socket actions carry, in both directions, and nothing else', async () => {
    const lines: string[] = [];
    const record = (line: string) => lines.push(line);
    const store = makeStore(undefined, {
      ...createSocketLink(),
      console: { log: record, warn: record },
    });
    const hello = {
      direction: 'out',
      name: 'IO_CLIENT_HELLO',
      payload: 'Hello!',
      text: 'Hello!',
    } as const;
    store.dispatch(queuedMessageSent(hello));
    store.dispatch(helloReceived('Hello you!', 'you'));
    store.dispatch({ type: 'something/else', meta: { unrelated: true } });
    // With no socket at all a send is refused, and logged as refused, not as sent.
    await store.dispatch(sayHello('Hello!'));
    const state = store.getState().messages;

    expect(state.entries).toEqual([
      expect.objectContaining({ id: 1, direction: 'out', name: 'IO_CLIENT_HELLO', text: 'Hello!' }),
      expect.objectContaining({
        id: 2,
        direction: 'in',
        name: 'IO_SERVER_HELLO',
        text: 'Hello you!',
        label: 'you',
        payload: { text: 'Hello you!', scope: 'you' },
      }),
    ]);
    expect(typeof state.entries[0].at).toBe('number');
    expect(lines).toEqual([
      '[socket.io] Sent IO_CLIENT_HELLO: Hello!',
      '[socket.io] Server: Hello you!',
      '[socket.io] IO_CLIENT_HELLO refused: Not connected: the socket has not been set up.',
    ]);
  });

  it(`keeps only the newest ${MAX_LOGGED_MESSAGES} entries`, () => {
    let state = reducer(undefined, { type: 'init' });
    for (let i = 1; i <= MAX_LOGGED_MESSAGES + 5; i += 1) {
      state = reducer(state, helloReceived(`#${i}`, 'everyone'));
    }

    expect(state.entries).toHaveLength(MAX_LOGGED_MESSAGES);
    expect(state.entries[0].text).toBe('#6');
    expect(state.entries.at(-1)?.text).toBe(`#${MAX_LOGGED_MESSAGES + 5}`);
  });
});
