import { IO_CLIENT_SUBSCRIBE, IO_CLIENT_UNSUBSCRIBE, IO_SERVER_STATS } from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import { collect, serverPerTest, waitFor } from '../../../test/helpers/testServer';

const running = serverPerTest({ statsIntervalMs: 50 });
const client = () => running.client();

const request = (
  socket: TestClient,
  event: typeof IO_CLIENT_SUBSCRIBE | typeof IO_CLIENT_UNSUBSCRIBE,
  topic: unknown,
) => socket.timeout(5000).emitWithAck(event, topic as 'stats');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the stats topic', () => {
  it('ticks only while subscribed, and its timer stops with the last subscriber', async () => {
    const watcher = await client();
    await client(); // a second connection, to count
    const ticks = collect(watcher, IO_SERVER_STATS);
    expect(running.server.stats.isTicking()).toBe(false);

    expect(await request(watcher, IO_CLIENT_SUBSCRIBE, 'stats')).toEqual({
      ok: true,
      topic: 'stats',
    });
    await waitFor(() => ticks.length >= 3, 'three ticks');
    expect(ticks[0]).toEqual({
      connectedClients: 2,
      rooms: 0,
      uptimeSeconds: expect.any(Number),
      at: expect.any(Number),
    });
    expect(running.server.stats.isTicking()).toBe(true);

    expect(await request(watcher, IO_CLIENT_UNSUBSCRIBE, 'stats')).toEqual({
      ok: true,
      topic: 'stats',
    });
    const count = ticks.length;
    await pause(200);
    expect(ticks).toHaveLength(count);
    expect(running.server.stats.isTicking()).toBe(false);
  });

  it('keeps ticking while any subscriber remains, and stops when the last one disconnects', async () => {
    const [first, second] = [await client(), await client()];
    await request(first, IO_CLIENT_SUBSCRIBE, 'stats');
    await request(second, IO_CLIENT_SUBSCRIBE, 'stats');
    const secondTicks = collect(second, IO_SERVER_STATS);

    await request(first, IO_CLIENT_UNSUBSCRIBE, 'stats');
    await waitFor(() => secondTicks.length >= 2, 'ticks for the one left');
    expect(running.server.stats.isTicking()).toBe(true);

    second.disconnect();
    await waitFor(() => !running.server.stats.isTicking(), 'the timer to stop');
  });

  it('refuses an unknown topic in the ack', async () => {
    const socket = await client();
    expect(await request(socket, IO_CLIENT_SUBSCRIBE, 'secrets')).toEqual({
      ok: false,
      error: 'Unknown topic "secrets": the server has stats.',
    });
    expect(running.server.stats.isTicking()).toBe(false);
  });
});
