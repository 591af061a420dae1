import { IO_CLIENT_HELLO, IO_CLIENT_JOIN_ROOM, IO_SERVER_ERROR } from '../../shared/messages';
import { isServed } from '../../../test/helpers/rawClients';
import { collect, roundTrip, serverPerTest } from '../../../test/helpers/testServer';
import { handlers } from './handlers';

const running = serverPerTest();

afterEach(() => {
  jest.restoreAllMocks();
});

// A handler with a bug: the real one is swapped for one that throws, to see what the server does about it.
function breakHandler(event: typeof IO_CLIENT_JOIN_ROOM | typeof IO_CLIENT_HELLO) {
  jest.spyOn(handlers, event).mockImplementation(() => {
    throw new Error('a bug in the handler');
  });
}

describe('a handler that throws', () => {
  it('becomes an error in the ack and a log line, and the server keeps serving', async () => {
    breakHandler(IO_CLIENT_JOIN_ROOM);
    const sender = await running.client();

    const answer = await sender.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'lobby');

    expect(answer).toEqual({
      ok: false,
      error: 'The server could not handle IO_CLIENT_JOIN_ROOM; please try again.',
    });
    expect(running.server.logs).toContain(
      '[socket.io] The IO_CLIENT_JOIN_ROOM handler failed: a bug in the handler',
    );
    expect(sender.connected).toBe(true);
    sender.disconnect();
  });

  it("logs the error's message with the client's text in it escaped", async () => {
    jest.spyOn(handlers, IO_CLIENT_HELLO).mockImplementation((_context, payload) => {
      throw new Error(`cannot greet ${String(payload)}`);
    });
    const sender = await running.client();

    sender.emit(IO_CLIENT_HELLO, 'you\nServer running at http://evil.example');
    await roundTrip(sender);

    expect(running.server.logs).toContain(
      '[socket.io] The IO_CLIENT_HELLO handler failed: cannot greet you\\nServer running at http://evil.example',
    );
    sender.disconnect();
  });

  it('becomes IO_SERVER_ERROR when there is no ack, and other clients are still served', async () => {
    breakHandler(IO_CLIENT_HELLO);
    const bystander = await running.client();
    const sender = await running.client();
    const errors = collect(sender, IO_SERVER_ERROR);

    sender.emit(IO_CLIENT_HELLO, 'Hello!');
    await roundTrip(sender);

    expect(errors).toEqual([
      {
        event: IO_CLIENT_HELLO,
        error: 'The server could not handle IO_CLIENT_HELLO; please try again.',
      },
    ]);
    expect(await isServed(bystander)).toBe(true);
    sender.disconnect();
    bystander.disconnect();
  });
});
