import { connectClient, startTestServer, waitFor } from '../../../test/helpers/testServer';
import { freePort } from '../../../test/helpers/serverProcess';
import { isServed } from '../../../test/helpers/rawClients';

describe('GET /healthz', () => {
  it('reports uptime, connected clients and the in-memory adapter, never cached', async () => {
    const server = await startTestServer();
    const client = await connectClient(server.url);
    try {
      const response = await fetch(`${server.url}/healthz`);

      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        status: 'ok',
        uptimeSeconds: expect.any(Number),
        connectedClients: 1,
        adapter: { kind: 'memory', healthy: true },
      });
    } finally {
      client.disconnect();
      await server.close();
    }
  });
});

describe('a Redis URL where nothing answers', () => {
  it('still serves local clients, reports degraded, logs it once with the reason, and closes at once', async () => {
    const port = await freePort();
    const server = await startTestServer({ redisUrl: `redis://127.0.0.1:${port}` });
    const client = await connectClient(server.url);
    await waitFor(() => server.logs.some((line) => line.startsWith('[redis]')), 'the outage line');
    await new Promise((resolve) => setTimeout(resolve, 500)); // several failed retries

    expect(await isServed(client)).toBe(true);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({
      status: 'degraded',
      adapter: { kind: 'redis', healthy: false },
    });
    expect(server.logs.filter((line) => line.startsWith('[redis]'))).toEqual([
      `[redis] Redis is unreachable (connect ECONNREFUSED 127.0.0.1:${port}): serving this process's clients only, and retrying.`,
    ]);
    client.disconnect();
    await server.close();
  });
});
