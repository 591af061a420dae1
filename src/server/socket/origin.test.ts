import http from 'node:http';
import type { TestClient } from '../../../test/helpers/testClient';
import { isServed, rawSocket } from '../../../test/helpers/rawClients';
import { connectClient, startTestServer, type TestServer } from '../../../test/helpers/testServer';

const DEV_ORIGIN = 'http://localhost:7000';
const LISTED_ORIGIN = 'https://chat.example.com';
const LISTED_HOST = 'app.example';

let server: TestServer;
let bystander: TestClient;

beforeEach(async () => {
  server = await startTestServer({
    limits: { allowedOrigins: [DEV_ORIGIN, LISTED_ORIGIN], allowedHosts: [LISTED_HOST] },
  });
  bystander = await connectClient(server.url);
});

afterEach(async () => {
  bystander.disconnect();
  await server.close();
});

/**
 * Opens an Engine.IO handshake with the given Origin header over one transport, as a browser would, and says
 * whether the server accepted it: the polling handshake's status, or whether the websocket upgrade opened.
 */
async function connectFrom(origin: string | undefined, transport: 'websocket' | 'polling') {
  const headers: Record<string, string> = origin ? { origin } : {};
  if (transport === 'polling') {
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers });
    await response.text();
    return response.status === 200 ? 'accepted' : `refused with ${response.status}`;
  }
  try {
    const raw = await rawSocket(server.port, headers);
    raw.ws.close();
    return 'accepted';
  } catch (error) {
    return `refused with ${(error as Error).message.replace('HTTP ', '')}`;
  }
}

describe.each(['websocket', 'polling'] as const)('the Origin check over %s', (transport) => {
  it('refuses a page of another site', async () => {
    // engine.io answers a refused polling handshake with 403, a refused websocket upgrade with 400.
    expect(await connectFrom('https://evil.example', transport)).toMatch(/^refused with 4\d\d$/);
    expect(await connectFrom('null', transport)).toMatch(/^refused with 4\d\d$/);
    expect(await isServed(bystander)).toBe(true);
  });

  it("accepts the page's own origin", async () => {
    expect(await connectFrom(server.url, transport)).toBe('accepted');
  });

  it("accepts the dev server's origin and those listed in ALLOWED_ORIGINS", async () => {
    expect(await connectFrom(DEV_ORIGIN, transport)).toBe('accepted');
    expect(await connectFrom(LISTED_ORIGIN, transport)).toBe('accepted');
  });

  it('accepts a client that sends no Origin, like Node', async () => {
    expect(await connectFrom(undefined, transport)).toBe('accepted');
  });
});

/** A page at `http://name:PORT`, the server's own port: Origin and Host agree, as after DNS rebinding. */
const pageAt = (name: string) => ({
  Host: `${name}:${server.port}`,
  Origin: `http://${name}:${server.port}`,
});

const refusal = (name: string) =>
  `The host "${name}" is not one this server answers to; list it in ALLOWED_HOSTS to allow it.`;

/**
 * One HTTP request to the polling transport with the given headers; Node's socket.io-client cannot set Host
 * over polling, so this test speaks Engine.IO by hand.
 */
function poll(
  headers: Record<string, string>,
  query: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/socket.io/?EIO=4&transport=polling${query}`,
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...headers, 'Content-Type': 'text/plain' },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', reject).end(body);
  });
}

describe('the Host check', () => {
  it('refuses a websocket handshake from a rebinding name with a readable connect_error', async () => {
    for (const name of ['evil.example', 'localhost.evil.example']) {
      await expect(connectClient(server.url, { extraHeaders: pageAt(name) })).rejects.toThrow(
        refusal(name),
      );
    }
    expect(await isServed(bystander)).toBe(true);
  });

  it('refuses the same handshake over polling, with the same sentence', async () => {
    const headers = pageAt('evil.example');
    const open = await poll(headers, '');
    const sid = (JSON.parse(open.text.slice(1)) as { sid: string }).sid;
    await poll(headers, `&sid=${sid}`, '40{"name":"rebinder"}');
    const answer = await poll(headers, `&sid=${sid}`);

    expect(answer.text).toBe(`44${JSON.stringify({ message: refusal('evil.example') })}`);
    expect(await isServed(bystander)).toBe(true);
  });

  it('accepts localhost, 127.0.0.1 and the names of ALLOWED_HOSTS and ALLOWED_ORIGINS', async () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]', LISTED_HOST, 'chat.example.com']) {
      const client = await connectClient(server.url, { extraHeaders: pageAt(name) });
      expect(await isServed(client)).toBe(true);
      client.disconnect();
    }
  });
});
