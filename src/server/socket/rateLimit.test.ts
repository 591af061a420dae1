import { IO_CLIENT_HELLO, IO_CLIENT_JOIN_ROOM, IO_SERVER_ERROR } from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import { isServed } from '../../../test/helpers/rawClients';
import {
  collect,
  connectClient,
  roundTrip,
  startTestServer,
  waitFor,
  type TestServer,
} from '../../../test/helpers/testServer';
import { TokenBucket } from './rateLimit';

let server: TestServer | undefined;
let bystander: TestClient | undefined;

async function start(limits = {}) {
  server = await startTestServer({ limits });
  bystander = await connectClient(server.url);
  return { server, bystander };
}

afterEach(async () => {
  bystander?.disconnect();
  await server?.close();
  [server, bystander] = [undefined, undefined];
});

const join = (socket: TestClient, room: string) =>
  socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, room);

describe('TokenBucket', () => {
  it('allows a burst, then the rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(10_000)).toBe(true); // refilled, but never above the burst
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('the per-socket rate limit', () => {
  it('refuses events over the burst in their ack, with a readable error', async () => {
    const { server, bystander } = await start({ eventsPerSecond: 1, eventBurst: 5 });
    const sender = await connectClient(server.url);

    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => join(sender, `r${i}`)));

    expect(answers.filter((answer) => answer.ok)).toHaveLength(5);
    expect(answers.slice(5)).toEqual(
      Array(3).fill({ ok: false, error: 'Too many messages: at most 1 a second (bursts of 5).' }),
    );
    expect(await isServed(bystander)).toBe(true);
    sender.disconnect();
  });

  it('answers refused events without an ack with IO_SERVER_ERROR', async () => {
    const { server } = await start({ eventsPerSecond: 1, eventBurst: 2 });
    const sender = await connectClient(server.url);
    const errors = collect(sender, IO_SERVER_ERROR);

    for (let i = 0; i < 3; i += 1) sender.emit(IO_CLIENT_HELLO, `hello ${i}`);
    await waitFor(() => errors.length === 1, 'the refusal');

    expect(errors).toEqual([
      { event: IO_CLIENT_HELLO, error: 'Too many messages: at most 1 a second (bursts of 2).' },
    ]);
    expect(server.logs.filter((line) => line.startsWith('[socket.io] Client: hello'))).toHaveLength(
      2,
    );
    sender.disconnect();
  });

  it('disconnects a socket that floods 10,000 joins, while another client is still served', async () => {
    const { server, bystander } = await start();
    const flooder = await connectClient(server.url);
    const disconnected = new Promise<string>((resolve) => flooder.on('disconnect', resolve));

    for (let i = 0; i < 10_000; i += 1) flooder.emit(IO_CLIENT_JOIN_ROOM, `flood-${i}`);
    const served = isServed(bystander);

    expect(await disconnected).toBe('io server disconnect');
    expect(await served).toBe(true);
    // The burst of 40 is all it got: the rest was refused with a cheap check, then cut off.
    const joins = server.logs.filter((line) =>
      line.startsWith('[socket.io] A client joined room flood-'),
    );
    expect(joins.length).toBeLessThanOrEqual(40);
    expect(server.logs).toContain(
      '[socket.io] Disconnected a client that kept sending over its rate limit.',
    );
  });
});

describe('the rooms per socket cap', () => {
  it('refuses a join past the cap, but not a room already joined', async () => {
    const { server } = await start({ maxRoomsPerSocket: 3 });
    const sender = await connectClient(server.url);
    for (const room of ['a', 'b', 'c'])
      expect(await join(sender, room)).toMatchObject({ ok: true });

    expect(await join(sender, 'd')).toEqual({
      ok: false,
      error: 'You are in 3 rooms already, the most one connection may join.',
    });
    expect(await join(sender, 'b')).toEqual({ ok: true, room: 'b' });
    await roundTrip(sender);
    sender.disconnect();
  });
});
