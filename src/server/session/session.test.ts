import { IO_SERVER_CHAT, IO_SERVER_IDENTITY, SESSION_INVALID } from '../../shared/messages';
import { cookieHeader, startSession } from '../../../test/helpers/session';
import {
  collect,
  connectClient,
  roundTrip,
  serverPerTest,
  startTestServer,
  waitFor,
} from '../../../test/helpers/testServer';
import { io } from 'socket.io-client';
import type { TestClient } from '../../../test/helpers/testClient';
import { SESSION_COOKIE } from './session';

const running = serverPerTest();
const url = () => running.server.url;

const rename = (name: unknown, headers: Record<string, string>) =>
  fetch(`${url()}/api/session/name`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ name }),
  });

/** The refusal a handshake with this Cookie header gets. */
async function refusal(cookie: string): Promise<Error & { data?: unknown }> {
  const error: unknown = await connectClient(url(), { extraHeaders: { cookie } }).then(
    () => new Error('connected'),
    (refused: unknown) => refused,
  );
  return error as Error & { data?: unknown };
}

const INVALID =
  'Your session cookie failed its signature check (it was altered, or signed with another SESSION_SECRET): reload the page for a new session.';

describe('the signed session', () => {
  it('comes with the first page: HttpOnly, SameSite=Lax, signed, and kept on the next visit', async () => {
    const first = await fetch(`${url()}/`);
    const setCookies = first.headers.getSetCookie();
    expect(setCookies).toHaveLength(2);
    expect(setCookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; path=/; expires=`));
    expect(setCookies[0]).toContain('samesite=lax; httponly');
    expect(setCookies[0]).not.toContain('secure');
    expect(setCookies[1]).toMatch(new RegExp(`^${SESSION_COOKIE}.sig=`));
    expect(first.headers.get('cache-control')).toBe('private, no-cache');

    const cookie = cookieHeader(first);
    const again = await fetch(`${url()}/`, { headers: { cookie } });
    expect(again.headers.getSetCookie()).toEqual([]);
    const me = await (await fetch(`${url()}/api/session`, { headers: { cookie } })).json();
    expect(me).toEqual({
      ok: true,
      userId: expect.stringMatching(/^[\w-]{16}$/),
      name: expect.stringMatching(/^guest-\d{4}$/),
    });
  });

  it('is Secure when a trusted proxy says the page came over HTTPS', async () => {
    const behindProxy = await startTestServer({ limits: { trustProxy: 'loopback' } });
    try {
      const page = await fetch(`${behindProxy.url}/`, {
        headers: { 'X-Forwarded-Proto': 'https' },
      });
      expect(page.headers.getSetCookie()[0]).toContain('secure');
    } finally {
      await behindProxy.close();
    }
  });

  it('gives the handshake its identity, which the connection joins and is told first', async () => {
    const ada = await startSession(url(), 'Ada');
    // Listening before connecting: the identity is the first message, in the same breath as the connection.
    const socket: TestClient = io(url(), {
      autoConnect: false,
      forceNew: true,
      transports: ['websocket'],
      extraHeaders: { cookie: ada.cookie },
    });
    const first = new Promise<unknown[]>((resolve) => socket.onAny((...args) => resolve(args)));
    socket.connect();
    try {
      expect(await first).toEqual([IO_SERVER_IDENTITY, { userId: ada.userId, name: 'Ada' }]);
      const [serverSide] = running.server.io.sockets.sockets.values();
      expect(serverSide.data).toEqual({ userId: ada.userId, name: 'Ada' });
      expect(serverSide.rooms.has(`user:${ada.userId}`)).toBe(true);
    } finally {
      socket.disconnect();
    }
  });

  it('ignores a name or id the client claims in auth: without a cookie it is a guest of its own', async () => {
    const claimer = await connectClient(url(), {
      auth: { name: 'alice', userId: 'AAAAAAAAAAAAAAAA' },
    });
    await roundTrip(claimer);
    const [serverSide] = running.server.io.sockets.sockets.values();
    expect(serverSide.data.userId).not.toBe('AAAAAAAAAAAAAAAA');
    expect(serverSide.data.name).toMatch(/^guest-\d{4}$/);
    claimer.disconnect();
  });

  it.each([
    ['an altered value', (cookie: string) => cookie.replace(/session=([^;]+)/, 'session=$1x')],
    ['a missing signature', (cookie: string) => cookie.split('; ')[0]],
  ])('refuses %s at the handshake with a readable connect_error', async (_kind, tamper) => {
    const { cookie } = await startSession(url(), 'alice');
    const error = await refusal(tamper(cookie));
    expect(error.message).toBe(INVALID);
    expect(error.data).toEqual({ code: SESSION_INVALID });
  });

  it('refuses a cookie signed with another secret, and accepts an old one while it is listed', async () => {
    const old = 'the secret this server used to sign with, 32+';
    const before = await startTestServer({ sessionKeys: [old] });
    const { cookie, userId } = await startSession(before.url, 'ada');
    await before.close();

    expect((await refusal(cookie)).message).toBe(INVALID);

    const rotated = await startTestServer({
      sessionKeys: ['the new secret, 32 characters or more', old],
    });
    try {
      const socket = await connectClient(rotated.url, { extraHeaders: { cookie } });
      await roundTrip(socket);
      expect([...rotated.io.sockets.sockets.values()][0].data).toEqual({ userId, name: 'ada' });
      socket.disconnect();
    } finally {
      await rotated.close();
    }
  });
});

describe('POST /api/session/name', () => {
  it('renames the session, and every open tab of it at once, without reconnecting', async () => {
    const ada = await startSession(url(), 'ada');
    const tabs = [
      await connectClient(url(), { extraHeaders: { cookie: ada.cookie } }),
      await connectClient(url(), { extraHeaders: { cookie: ada.cookie } }),
    ];
    const bob = await running.client({ name: 'bob', room: 'lobby' });
    const told = tabs.map((tab) => collect(tab, IO_SERVER_IDENTITY));
    const chats = collect(bob, IO_SERVER_CHAT);
    for (const tab of tabs) await roundTrip(tab);

    const response = await rename('Ada L.', { cookie: ada.cookie, Origin: url() });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, userId: ada.userId, name: 'Ada L.' });
    await waitFor(() => told.every((list) => list.length === 1), 'both tabs told');
    expect(told).toEqual([
      [{ userId: ada.userId, name: 'Ada L.' }],
      [{ userId: ada.userId, name: 'Ada L.' }],
    ]);

    // The tab's next chat carries the new name, on the same connection.
    await tabs[0].timeout(5000).emitWithAck('IO_CLIENT_JOIN_ROOM', 'lobby');
    await tabs[0].timeout(5000).emitWithAck('IO_CLIENT_CHAT', { room: 'lobby', text: 'hi' });
    await roundTrip(bob);
    expect(chats.map(({ from }) => from)).toEqual(['Ada L.']);

    // The new cookie says the new name: the next page load and handshake read it.
    const cookie = cookieHeader(response, ada.cookie);
    const me = await (await fetch(`${url()}/api/session`, { headers: { cookie } })).json();
    expect(me).toEqual({ ok: true, userId: ada.userId, name: 'Ada L.' });
    tabs.forEach((tab) => tab.disconnect());
  });

  it.each([
    [
      { Origin: 'https://evil.example' },
      403,
      'Renaming is refused from another site (Origin "https://evil.example"); rename on this server\'s own page.',
    ],
    [
      { Origin: 'http://127.0.0.1:1' },
      403,
      'Renaming is refused from another site (Origin "http://127.0.0.1:1"); rename on this server\'s own page.',
    ],
    [{ 'Content-Type': 'text/plain' }, 415, 'Send JSON, with Content-Type: application/json.'],
  ])('refuses %p with %i and leaves the session as it was', async (headers, status, error) => {
    const ada = await startSession(url(), 'ada');
    const response = await rename('Mallory', { cookie: ada.cookie, ...headers });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ ok: false, error });
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it.each([
    ['', 'The display name is empty: use 1 to 32 printable characters.'],
    ['x'.repeat(33), 'The display name is 33 characters long: use at most 32.'],
    ['a\u202eb', 'The display name may only contain printable characters.'],
    [42, 'Choose a display name: 1 to 32 printable characters.'],
  ])('refuses the name %p with the rule', async (name, error) => {
    const ada = await startSession(url(), 'ada');
    const response = await rename(name, { cookie: ada.cookie });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error });
  });

  it('answers a body that is not JSON in JSON', async () => {
    const response = await fetch(`${url()}/api/session/name`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'The body is not valid JSON.' });
  });
});
