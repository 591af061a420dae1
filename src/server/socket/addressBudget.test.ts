import http from 'node:http';
import { IO_CLIENT_JOIN_ROOM } from '../../shared/messages';
import { openPollingSession } from '../../../test/helpers/pollingSession';
import { rawSocket } from '../../../test/helpers/rawClients';
import {
  connectClient,
  startTestServer,
  waitFor,
  type TestServer,
} from '../../../test/helpers/testServer';
import type { Limits } from '../limits';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const start = async (limits: Partial<Limits>): Promise<TestServer> =>
  (server = await startTestServer({ limits }));

/** A handshake by hand: the status and JSON body of the first polling request. */
async function handshake(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  };
}

describe('the budget of one client address', () => {
  it('is not reset by reconnecting: the events of its connections share one budget', async () => {
    const { url } = await start({
      eventBurst: 40,
      addressEventsPerSecond: 5,
      addressEventBurst: 50,
    });
    let accepted = 0;
    const refusals = new Set<string>();
    // Three connections in a row, each sending a burst its own budget allows: 120 events.
    for (let connection = 0; connection < 3; connection += 1) {
      const client = await connectClient(url);
      for (let i = 0; i < 40; i += 1) {
        const answer = await client.emitWithAck(IO_CLIENT_JOIN_ROOM, 'lobby');
        if (answer.ok) accepted += 1;
        else refusals.add(answer.error);
      }
      client.disconnect();
    }
    expect(accepted).toBeGreaterThanOrEqual(50);
    expect(accepted).toBeLessThan(70); // 50 at once, then 5 a second while the test runs
    expect([...refusals]).toEqual([
      'Too many messages from your address: at most 5 a second between its connections.',
    ]);
  });

  it('caps the connections it holds at once, with a readable 503, polling and websocket alike', async () => {
    const { url, port } = await start({ maxConnectionsPerAddress: 3 });
    const clients = [await connectClient(url), await connectClient(url), await connectClient(url)];

    const refused = await handshake(url);
    expect(refused.status).toBe(503);
    expect(JSON.parse(refused.body)).toEqual({
      ok: false,
      error:
        'Too many connections from your address: at most 3 at once. Close a tab and try again.',
    });
    await expect(rawSocket(port)).rejects.toThrow('HTTP 503');
    await expect(connectClient(url)).rejects.toThrow();

    clients[0].disconnect();
    await waitFor(() => server?.io.engine.clientsCount === 2, 'the server to see the disconnect');
    const again = await connectClient(url);
    expect(again.connected).toBe(true);
    [again, ...clients].forEach((client) => client.disconnect());
  });

  it('limits how many connections it opens a second, with a 429 that says when to come back', async () => {
    const { url } = await start({ addressHandshakesPerSecond: 1, addressHandshakeBurst: 3 });
    for (let i = 0; i < 3; i += 1) expect((await handshake(url)).status).toBe(200);

    const refused = await handshake(url);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(JSON.parse(refused.body).error).toBe(
      'Too many new connections from your address: at most 1 a second (bursts of 3). Try again in a moment.',
    );
    expect(server?.logs.filter((line) => line.includes('Refused connections'))).toHaveLength(1);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy is in front', async () => {
    const { url } = await start({ maxConnectionsPerAddress: 1 });
    await openPollingSession(url, 'a', { 'X-Forwarded-For': '198.51.100.7' });
    // Without a trusted proxy the header is the client's own claim: both are 127.0.0.1.
    expect((await handshake(url, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(503);
  });

  it('behind a trusted proxy, counts each forwarded address on its own, so one cannot starve the others', async () => {
    const { url } = await start({ maxConnectionsPerAddress: 1, trustProxy: 'loopback' });
    await openPollingSession(url, 'a', { 'X-Forwarded-For': '198.51.100.7' });
    expect((await handshake(url, { 'X-Forwarded-For': '198.51.100.7' })).status).toBe(503);
    expect((await handshake(url, { 'X-Forwarded-For': '198.51.100.8' })).status).toBe(200);
  });

  it('leaves the rest of the server alone: the page still loads while an address is refused', async () => {
    const { url } = await start({ maxConnectionsPerAddress: 1 });
    await openPollingSession(url, 'a');
    expect((await handshake(url)).status).toBe(503);
    const page = await new Promise<number>((resolve, reject) =>
      http
        .get(`${url}/`, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject),
    );
    expect(page).toBe(200);
  });
});
