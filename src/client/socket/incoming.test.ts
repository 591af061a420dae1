import { IO_SERVER_CHAT, IO_SERVER_ERROR, IO_SERVER_HELLO } from '../../shared/messages';
import { actionFor, type IncomingTable } from './incoming';
import { chatReceived } from '../features/chat/chatSlice';
import { helloReceived } from '../features/connection/connectionSlice';
import { incomingActions } from './incomingActions';
import { createSocketLink } from './socketLink';
import { makeStore } from '../store';

describe('incoming messages', () => {
  it('update the store at once but notify its subscribers once for messages that arrive together', async () => {
    const quiet = { log: () => undefined, warn: () => undefined };
    const store = makeStore(undefined, { ...createSocketLink(), console: quiet });
    let notified = 0;
    store.subscribe(() => {
      notified += 1;
    });

    for (const scope of ['everyone', 'room', 'you'] as const) {
      store.dispatch(helloReceived(`Hello ${scope}!`, scope));
    }
    expect(store.getState().messages.entries).toHaveLength(3);
    expect(notified).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50)); // past the batch's timer (no frames in Node)
    expect(notified).toBe(1);
  });

  it('turns a message off the wire into its action, and ignores names it does not know', () => {
    const action = actionFor(incomingActions, IO_SERVER_HELLO, ['Hello you!', 'you']);

    expect(action && helloReceived.match(action) && action.payload).toEqual({
      text: 'Hello you!',
      scope: 'you',
    });
    expect(actionFor(incomingActions, 'IO_SERVER_UNKNOWN', [])).toBeUndefined();
    expect(actionFor(incomingActions, 'toString', [])).toBeUndefined();
  });

  it('makes a message without its action a compile error', () => {
    // The check is the compiler's (`npm run typecheck`): this table lacks IO_SERVER_ERROR and must not compile.
    const withoutErrors: Omit<IncomingTable, typeof IO_SERVER_ERROR> = incomingActions;
    // @ts-expect-error Property 'IO_SERVER_ERROR' is missing
    const incomplete: IncomingTable = withoutErrors;
    expect(incomplete[IO_SERVER_CHAT]).toBe(chatReceived);
  });
});
