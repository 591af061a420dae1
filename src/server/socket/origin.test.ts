import type { TestClient } from '../../../test/helpers/testClient';
import { isServed, rawSocket } from '../../../test/helpers/rawClients';
import { connectClient, startTestServer, type TestServer } from '../../../test/helpers/testServer';

const DEV_ORIGIN = 'http://localhost:7000';
const LISTED_ORIGIN = 'https://chat.example.com';

let server: TestServer;
let bystander: TestClient;

beforeEach(async () => {
  server = await startTestServer({ limits: { allowedOrigins: [DEV_ORIGIN, LISTED_ORIGIN] } });
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
