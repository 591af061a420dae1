import http from 'node:http';
import { IO_CLIENT_JOIN_ROOM, IO_SERVER_NOTIFY } from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import {
  collect,
  connectClient,
  roundTrip,
  startTestServer,
  type TestServer,
} from '../../../test/helpers/testServer';

const TOKEN = 'test-push-token';
let server: TestServer;
const clients: TestClient[] = [];

async function tab(name: string): Promise<TestClient> {
  const socket = await connectClient(server.url, { auth: { name } });
  clients.push(socket);
  return socket;
}

function push(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface HeadersOnlyAnswer {
  status: number;
  body: unknown;
  /** Resolves once the server has closed the connection. */
  closed: Promise<void>;
}

/**
 * A POST that announces a body of `Content-Length` bytes and sends only its headers, as an attacker holding a
 * connection open would: the answer must come without the body, and the server must then let the connection go.
 */
function headersOnly(headers: Record<string, string>): Promise<HeadersOnlyAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.url}/api/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '999000000', ...headers },
    });
    request.on('error', () => undefined); // the server may cut the unsent body short: that is the point
    const closed = new Promise<void>((done) => request.on('close', done));
    // Bounded: a server that waits for the 999 MB never answers, and that is the failure reported.
    const noAnswer = setTimeout(() => {
      request.destroy();
      reject(new Error('No answer without the body within 5 s'));
    }, 5000);
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => {
        clearTimeout(noAnswer);
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), closed });
      });
    });
    request.flushHeaders();
  });
}

afterEach(async () => {
  clients.splice(0).forEach((socket) => socket.disconnect());
  await server.close();
});

describe('POST /api/push', () => {
  beforeEach(async () => {
    server = await startTestServer({ pushToken: TOKEN });
  });

  it('reaches every tab of one user and no one else, and says how many', async () => {
    const [aliceTab1, aliceTab2, bob] = [await tab('alice'), await tab('alice'), await tab('bob')];
    const received = [aliceTab1, aliceTab2, bob].map((s) => collect(s, IO_SERVER_NOTIFY));

    const response = await push({ to: 'alice', kind: 'info', text: 'Your report is ready.' });
    await Promise.all([aliceTab1, aliceTab2, bob].map(roundTrip));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, delivered: 2 });
    const notification = { kind: 'info', text: 'Your report is ready.', at: expect.any(Number) };
    expect(received).toEqual([[notification], [notification], []]);
  });

  it('reaches everyone with "*"', async () => {
    const sockets = [await tab('alice'), await tab('bob'), await tab('carol')];
    const received = sockets.map((s) => collect(s, IO_SERVER_NOTIFY));

    const response = await push({ to: '*', kind: 'warning', text: 'Maintenance at noon.' });
    await Promise.all(sockets.map(roundTrip));

    expect(await response.json()).toEqual({ ok: true, delivered: 3 });
    expect(received.map((list) => list.map(({ text }) => text))).toEqual(
      Array(3).fill(['Maintenance at noon.']),
    );
  });

  it('carries the in-app path of a redirect', async () => {
    const alice = await tab('alice');
    const received = collect(alice, IO_SERVER_NOTIFY);
    await push({ to: 'alice', kind: 'redirect', text: 'Go to the lobby', path: '/?room=lobby' });
    await roundTrip(alice);
    expect(received).toEqual([
      { kind: 'redirect', text: 'Go to the lobby', path: '/?room=lobby', at: expect.any(Number) },
    ]);
  });

  it('answers 0 for a name nobody uses', async () => {
    expect(await (await push({ to: 'nobody', kind: 'info', text: 'hi' })).json()).toEqual({
      ok: true,
      delivered: 0,
    });
  });

  it.each([
    [
      'no Authorization header',
      { to: '*', kind: 'info', text: 'x' },
      { Authorization: '' },
      401,
      'Send the header Authorization: Bearer <PUSH_TOKEN>.',
    ],
    [
      'a wrong token',
      { to: '*', kind: 'info', text: 'x' },
      { Authorization: 'Bearer guess' },
      403,
      'The push token is wrong.',
    ],
    ['a body that is not JSON', '{"to": "*",', {}, 400, 'The body is not valid JSON.'],
    [
      'a body that is not sent as JSON',
      'to=*',
      { 'Content-Type': 'text/plain' },
      415,
      'Send JSON, with Content-Type: application/json.',
    ],
    [
      'a body in a charset nobody knows',
      { to: '*', kind: 'info', text: 'x' },
      { 'Content-Type': 'application/json; charset=klingon' },
      415,
      'The body could not be read: unsupported charset "KLINGON".',
    ],
    [
      'a body over 16 KB',
      { to: '*', kind: 'info', text: 'x'.repeat(20_000) },
      {},
      413,
      'The body is larger than 16kb.',
    ],
    [
      'an unknown kind',
      { to: '*', kind: 'shout', text: 'x' },
      {},
      400,
      '"kind" must be one of info, warning, redirect.',
    ],
    [
      'text over 500 characters',
      { to: '*', kind: 'info', text: 'x'.repeat(501) },
      {},
      400,
      '"text" must be 1 to 500 characters.',
    ],
    [
      'empty text',
      { to: '*', kind: 'info', text: ' ' },
      {},
      400,
      '"text" must be 1 to 500 characters.',
    ],
    [
      'no recipient',
      { kind: 'info', text: 'x' },
      {},
      400,
      '"to" must be a display name (1 to 32 printable characters) or "*" for everyone.',
    ],
    [
      'a redirect to another origin',
      { to: '*', kind: 'redirect', text: 'x', path: '//evil.example/' },
      {},
      400,
      '"path" must be a path on this site, such as /?room=lobby (not another origin).',
    ],
    [
      'a redirect to a full URL',
      { to: '*', kind: 'redirect', text: 'x', path: 'https://evil.example/' },
      {},
      400,
      '"path" must be a path on this site, such as /?room=lobby (not another origin).',
    ],
    [
      'a path on an info',
      { to: '*', kind: 'info', text: 'x', path: '/' },
      {},
      400,
      '"path" goes with kind "redirect" only.',
    ],
  ])('refuses %s with its 4xx and sends nothing', async (_kind, body, headers, status, error) => {
    const alice = await tab('alice');
    const received = collect(alice, IO_SERVER_NOTIFY);

    const response = await push(body, headers);
    await roundTrip(alice);

    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ ok: false, error });
    expect(received).toEqual([]);
  });

  it.each([
    ['no token', {}, 401, 'Send the header Authorization: Bearer <PUSH_TOKEN>.'],
    ['a wrong token', { Authorization: 'Bearer guess' }, 403, 'The push token is wrong.'],
    [
      'a body over 16 KB',
      { Authorization: `Bearer ${TOKEN}` },
      413,
      'The body is larger than 16kb.',
    ],
  ])(
    'refuses %s with JSON before the body arrives, and closes the connection',
    async (_kind, headers, status, error) => {
      const answer = await headersOnly(headers);

      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ ok: false, error });
      await expect(answer.closed).resolves.toBeUndefined();
    },
  );

  it('never reaches a client that joins a room named after the user', async () => {
    const alice = await tab('alice');
    const eve = await tab('eve');
    const toEve = collect(eve, IO_SERVER_NOTIFY);
    expect(await eve.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'alice')).toMatchObject({
      ok: true,
    });
    expect(await eve.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'user:alice')).toMatchObject({
      ok: false,
    });

    await push({ to: 'alice', kind: 'info', text: 'for alice only' });
    await Promise.all([roundTrip(alice), roundTrip(eve)]);

    expect(toEve).toEqual([]);
  });
});

describe('POST /api/push without PUSH_TOKEN', () => {
  it('is off, and says so with 503', async () => {
    server = await startTestServer();
    const response = await push({ to: '*', kind: 'info', text: 'x' });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      ok: false,
      error: 'Push is off: start the server with PUSH_TOKEN set to enable it.',
    });
  });
});
