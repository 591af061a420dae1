import http from 'node:http';
import { IO_CLIENT_JOIN_ROOM, IO_SERVER_NOTIFY } from '../../shared/messages';
import { startSession, type TestSession } from '../../../test/helpers/session';
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

/** One browser tab of a session: its socket sends the session's cookie, as the page's does. */
async function tab(session: TestSession): Promise<TestClient> {
  const socket = await connectClient(server.url, { extraHeaders: { cookie: session.cookie } });
  clients.push(socket);
  return socket;
}

const person = (name: string) => startSession(server.url, name);

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

  it("reaches every tab of one user's session and no one else, and says how many", async () => {
    const alice = await person('alice');
    const sockets = [await tab(alice), await tab(alice), await tab(await person('bob'))];
    const received = sockets.map((s) => collect(s, IO_SERVER_NOTIFY));

    const response = await push({ to: alice.userId, kind: 'info', text: 'Your report is ready.' });
    await Promise.all(sockets.map(roundTrip));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, delivered: 2 });
    const notification = { kind: 'info', text: 'Your report is ready.', at: expect.any(Number) };
    expect(received).toEqual([[notification], [notification], []]);
  });

  it('never reaches someone who takes the same name, or claims it in the handshake', async () => {
    const alice = await person('alice');
    const aliceTab = await tab(alice);
    // The attack that worked before sessions: a second client calling itself alice.
    const namesake = await tab(await person('alice'));
    const claimer = await connectClient(server.url, {
      auth: { name: 'alice', userId: alice.userId },
    });
    clients.push(claimer);
    const received = [aliceTab, namesake, claimer].map((s) => collect(s, IO_SERVER_NOTIFY));

    const response = await push({ to: alice.userId, kind: 'info', text: 'for alice only' });
    await Promise.all([aliceTab, namesake, claimer].map(roundTrip));

    expect(await response.json()).toEqual({ ok: true, delivered: 1 });
    expect(received.map((list) => list.length)).toEqual([1, 0, 0]);
  });

  it('reaches everyone with "*"', async () => {
    const sockets = await Promise.all(
      ['alice', 'bob', 'carol'].map(async (n) => tab(await person(n))),
    );
    const received = sockets.map((s) => collect(s, IO_SERVER_NOTIFY));

    const response = await push({ to: '*', kind: 'warning', text: 'Maintenance at noon.' });
    await Promise.all(sockets.map(roundTrip));

    expect(await response.json()).toEqual({ ok: true, delivered: 3 });
    expect(received.map((list) => list.map(({ text }) => text))).toEqual(
      Array(3).fill(['Maintenance at noon.']),
    );
  });

  it('carries the in-app path of a redirect', async () => {
    const session = await person('alice');
    const alice = await tab(session);
    const received = collect(alice, IO_SERVER_NOTIFY);
    await push({
      to: session.userId,
      kind: 'redirect',
      text: 'Go to the lobby',
      path: '/?room=lobby',
    });
    await roundTrip(alice);
    expect(received).toEqual([
      { kind: 'redirect', text: 'Go to the lobby', path: '/?room=lobby', at: expect.any(Number) },
    ]);
  });

  it('answers 0 for an id nobody uses', async () => {
    const nobody = 'AAAAAAAAAAAAAAAA';
    expect(await (await push({ to: nobody, kind: 'info', text: 'hi' })).json()).toEqual({
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
      '"to" must be a user id (16 letters, digits, _ or -, shown on the page under "Your id") or "*" for everyone.',
    ],
    [
      'a display name as the recipient',
      { to: 'alice', kind: 'info', text: 'x' },
      {},
      400,
      '"to" must be a user id (16 letters, digits, _ or -, shown on the page under "Your id") or "*" for everyone.',
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
    const alice = await tab(await person('alice'));
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

  it("never reaches a client that joins a room named after the user's id", async () => {
    const session = await person('alice');
    const alice = await tab(session);
    const eve = await tab(await person('eve'));
    const toEve = collect(eve, IO_SERVER_NOTIFY);
    expect(await eve.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, session.userId)).toMatchObject({
      ok: true,
    });
    const userRoom = `user:${session.userId}`;
    expect(await eve.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, userRoom)).toMatchObject({
      ok: false,
    });

    await push({ to: session.userId, kind: 'info', text: 'for alice only' });
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
