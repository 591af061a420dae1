import { IO_CLIENT_HELLO, IO_CLIENT_JOIN_ROOM } from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import { isServed, rawSocket } from '../../../test/helpers/rawClients';
import { connectClient, startTestServer, serverPerTest } from '../../../test/helpers/testServer';

const running = serverPerTest();
let bystander: TestClient;

beforeEach(async () => {
  bystander = await running.client();
});

const disconnectReason = (socket: TestClient) =>
  new Promise<string>((resolve) => socket.on('disconnect', resolve));

describe('the message size limit (64 KiB by default)', () => {
  it('handles a message just under the limit', async () => {
    const sender = await running.client();
    const answer = await sender.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'x'.repeat(60_000));

    expect(answer).toEqual({
      ok: false,
      error: 'The room name is 60000 characters long: use at most 64.',
    });
    expect(sender.connected).toBe(true);
    sender.disconnect();
  });

  it.each(['websocket', 'polling'] as const)(
    'disconnects only the sender of a larger message (%s)',
    async (transport) => {
      const sender = await running.client({ transports: [transport] });
      const reason = disconnectReason(sender);

      sender.emit(IO_CLIENT_HELLO, 'x'.repeat(70 * 1024));

      expect(await reason).toMatch(/transport (close|error)/);
      expect(await isServed(bystander)).toBe(true);
      expect(running.server.logs).not.toContain(`[socket.io] Client: ${'x'.repeat(10)}`);
    },
  );

  it('closes a websocket that sends 5 MB in one frame', async () => {
    const raw = await rawSocket(running.server.port);
    await raw.connectSocketIo();

    raw.send(`42${JSON.stringify([IO_CLIENT_HELLO, 'x'.repeat(5 * 1024 * 1024)])}`);

    expect(await raw.closed).toBe(1009); // "message too big"
    expect(await isServed(bystander)).toBe(true);
  });

  it('follows MAX_MESSAGE_BYTES', async () => {
    const small = await startTestServer({ limits: { maxMessageBytes: 1000 } });
    try {
      const sender = await connectClient(small.url);
      const reason = disconnectReason(sender);
      sender.emit(IO_CLIENT_HELLO, 'x'.repeat(2000));
      expect(await reason).toMatch(/transport (close|error)/);
    } finally {
      await small.close();
    }
  });
});
