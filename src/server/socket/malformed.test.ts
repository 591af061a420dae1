import type { TestClient } from '../../../test/helpers/testClient';
import { handlers } from './handlers';
import { isServed, rawHttp, rawSocket, statusOf } from '../../../test/helpers/rawClients';
import {
  connectClient,
  startTestServer,
  waitFor,
  type TestServer,
} from '../../../test/helpers/testServer';

let server: TestServer;
let bystander: TestClient;

beforeEach(async () => {
  server = await startTestServer();
  bystander = await connectClient(server.url);
});

afterEach(async () => {
  // The point of every case: the hostile bytes hurt no one else.
  expect(await isServed(bystander)).toBe(true);
  bystander.disconnect();
  await server.close();
});

// Frames sent after a proper Socket.IO handshake, each with the server's expected reaction: the connection is
// closed. Advisory shapes are named after the advisory they reproduce.
const FRAMES: Array<[string, Array<string | Buffer>]> = [
  ['a truncated event packet', ['42["IO_CLIENT_JOIN_ROOM"']],
  ['an event whose data is not an array', ['42{"room":"lobby"}']],
  ['an unknown Socket.IO packet type', ['49["IO_CLIENT_JOIN_ROOM","lobby"]']],
  ['an unknown Engine.IO packet type', ['9hello']],
  ['an empty frame', ['']],
  ['an event name that is an object (CVE-2023-32695)', ['42[{"toString":"IO_CLIENT_HELLO"}]']],
  ['a reserved event name, "disconnect" (CVE-2024-38355)', ['42["disconnect"]']],
  [
    'a binary placeholder naming a function (CVE-2022-2421)',
    ['451-["IO_CLIENT_CHAT",{"_placeholder":true,"num":"splice"}]', Buffer.from('x')],
  ],
  [
    'a binary placeholder out of bounds (CVE-2022-2421)',
    ['451-["IO_CLIENT_CHAT",{"_placeholder":true,"num":99}]', Buffer.from('x')],
  ],
  ['a claim of 99,999 binary attachments (CVE-2026-33151)', ['4599999-["IO_CLIENT_CHAT"]']],
  // Its handshake request was dropped once connected (socket/wiring.ts): no middleware may meet it again.
  ['a second CONNECT to "/"', ['40']],
];

describe('malformed Socket.IO and Engine.IO frames over a websocket', () => {
  it.each(FRAMES)('closes the connection that sends %s', async (_kind, frames) => {
    const raw = await rawSocket(server.port);
    await raw.connectSocketIo();

    frames.forEach((frame) => raw.send(frame));

    await raw.closed;
    expect(raw.isClosed()).toBe(true);
  });

  it.each([
    [
      '"error", which would throw in an EventEmitter (CVE-2024-38355)',
      '42["error","boom"]',
      'error',
    ],
    ['an unknown name', '42["IO_CLIENT_TYPO","x"]', 'IO_CLIENT_TYPO'],
  ])('answers an event named %s with IO_SERVER_ERROR', async (_kind, packet, event) => {
    const raw = await rawSocket(server.port);
    await raw.connectSocketIo();

    raw.send(packet);
    const isError = (f: string) => f.startsWith('42["IO_SERVER_ERROR"');
    await waitFor(() => raw.frames.some(isError), 'the answer');

    const answer = JSON.parse(raw.frames.filter(isError)[0].slice(2));
    expect(answer).toEqual([
      'IO_SERVER_ERROR',
      {
        event,
        error: `Unknown message "${event}": the server handles ${Object.keys(handlers).join(', ')}.`,
      },
    ]);
  });

  it('closes a binary frame sent before any handshake', async () => {
    const raw = await rawSocket(server.port);
    raw.send(Buffer.from([0xff, 0x00, 0x13, 0x37]));
    await raw.closed;
    expect(raw.isClosed()).toBe(true);
  });
});

const UPGRADE = [
  'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1',
  'Host: 127.0.0.1',
  'Upgrade: websocket',
  'Connection: Upgrade',
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
  'Sec-WebSocket-Version: 13',
];

/** A masked websocket text frame with the given first byte (FIN, RSV bits and opcode). */
function frame(firstByte: number, text: string): Buffer {
  const payload = Buffer.from(text);
  return Buffer.concat([Buffer.from([firstByte, 0x80 | payload.length, 0, 0, 0, 0]), payload]);
}

describe('malformed bytes below the websocket library', () => {
  it('closes a frame with the reserved RSV2 and RSV3 bits set (CVE-2022-21676)', async () => {
    const request = Buffer.concat([
      Buffer.from(`${UPGRADE.join('\r\n')}\r\n\r\n`),
      frame(0xb1, '2probe'),
    ]);
    const { response, closed } = await rawHttp(server.port, request);

    expect(statusOf(response)).toBe(101);
    expect(closed).toBe(true);
  });

  it('refuses an upgrade with 3,000 headers (ws CVE-2024-37890)', async () => {
    const headers = Array.from({ length: 3000 }, (_, i) => `x-${i}: y`);
    const { response, closed } = await rawHttp(
      server.port,
      `${[...UPGRADE, ...headers].join('\r\n')}\r\n\r\n`,
    );

    expect(closed).toBe(true);
    expect([0, 431]).toContain(statusOf(response));
  });
});

/** Opens an Engine.IO polling session and returns its id. */
async function pollingSession(): Promise<string> {
  const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`);
  const body = await response.text();
  return JSON.parse(body.slice(1)).sid;
}

describe('malformed HTTP', () => {
  it('answers a 100 KB URL with 431 and closes', async () => {
    const { response, closed } = await rawHttp(
      server.port,
      `GET /?${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    );
    expect(statusOf(response)).toBe(431);
    expect(closed).toBe(true);
  });

  it('answers a 5 MB polling body with 413', async () => {
    const sid = await pollingSession();
    const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      method: 'POST',
      body: `4${'x'.repeat(5 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
  });

  it.each([
    ['an unknown session id', '/socket.io/?EIO=4&transport=polling&sid=nope'],
    ['an unsupported protocol version', '/socket.io/?EIO=9&transport=polling'],
    ['an unknown transport', '/socket.io/?EIO=4&transport=carrier-pigeon'],
    ['a websocket transport without an upgrade', '/socket.io/?EIO=4&transport=websocket'],
  ])('answers %s with 400', async (_kind, path) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(400);
  });

  it('closes a polling session that posts a malformed payload', async () => {
    const sid = await pollingSession();
    const url = `${server.url}/socket.io/?EIO=4&transport=polling&sid=${sid}`;

    await fetch(url, { method: 'POST', body: '40{"name":"raw"}\u001e42["IO_CLIENT_JOIN_ROOM"' });
    const poll = await (await fetch(url)).text();
    const after = await fetch(url, { method: 'POST', body: '2' });

    expect(poll).toContain('1'); // Engine.IO's close packet
    expect(after.status).toBe(400);
    expect(await after.json()).toEqual({ code: 1, message: 'Session ID unknown' });
  });
});
