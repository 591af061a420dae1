import type { ClientSocket } from '../client/socket/socketLink';
import { isServed } from '../../test/helpers/rawClients';
import { connectClient, startTestServer, type TestServer } from '../../test/helpers/testServer';

const DEV_ORIGIN = 'http://localhost:7000';
const LISTED_ORIGIN = 'https://chat.example.com';

let server: TestServer;
let bystander: ClientSocket;

beforeEach(async () => {
  server = await startTestServer({ limits: { allowedOrigins: [DEV_ORIGIN, LISTED_ORIGIN] } });
  bystander = await connectClient(server.url);
});

afterEach(async () => {
  bystander.disconnect();
  await server.close();
  expect(server.logs.some((line) => line.includes('error'))).toBe(false);
});

/** Connects with the given Origin header, over one transport only, and resolves with what happened. */
async function connectFrom(origin: string | undefined, transport: 'websocket' | 'polling') {
  const extraHeaders: Record<string, string> = origin ? { origin } : {};
  try {
    const socket = await connectClient(server.url, { transports: [transport], extraHeaders });
    socket.disconnect();
    return 'accepted';
  } catch {
    return 'refused';
  }
}

describe.each(['websocket', 'polling'] as const)('the Origin check over %s', (transport) => {
  it('refuses a page of another site', async () => {
    expect(await connectFrom('https://evil.example', transport)).toBe('refused');
    expect(await connectFrom('null', transport)).toBe('refused');
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
