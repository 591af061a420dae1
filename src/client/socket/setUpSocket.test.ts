import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { IO_CLIENT_JOIN_ROOM, IO_SERVER_HELLO } from '../../shared/messages';
import { changeName } from '../features/identity/identitySlice';
import { setUpSocket } from './setUpSocket';
import { sendChat } from '../features/chat/chatSlice';
import { joinRoom } from '../features/rooms/roomsSlice';
import type { ClientSocket } from './socketLink';
import { startSession } from '../../../test/helpers/session';
import { logged, storeClient } from '../../../test/helpers/storeClient';
import { startTestServer, waitFor, type TestServer } from '../../../test/helpers/testServer';

const HELLO_LINES = [
  '[socket.io] Server: Hello everyone!',
  '[socket.io] Server: Hello clients of room hello-1234!',
  '[socket.io] Server: Hello you!',
];

let server: TestServer;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.disconnect());
  await server.close();
});

async function connectStore(
  name = 'tester',
  {
    url = server.url,
    ackTimeoutMs,
    cookie,
  }: { url?: string; ackTimeoutMs?: number; cookie?: string } = {},
) {
  const client = await storeClient(url, name, { ackTimeoutMs, cookie });
  sockets.push(client.socket);
  return client;
}

describe('setUpSocket against a real server', () => {
  it('turns each server message into one action, one log entry and one console line', async () => {
    const { store, lines } = await connectStore();
    await waitFor(() => logged(store, IO_SERVER_HELLO).length === 3, 'three hellos');

    expect(store.getState().connection).toMatchObject({
      status: 'connected',
      reconnectAttempts: 0,
    });
    expect(logged(store, IO_SERVER_HELLO).map(({ text, label }) => [text, label])).toEqual([
      ['Hello everyone!', 'everyone'],
      ['Hello clients of room hello-1234!', 'room'],
      ['Hello you!', 'you'],
    ]);
    expect(lines).toEqual([
      '[socket.io] Connected.',
      '[socket.io] Sent IO_CLIENT_JOIN_ROOM: hello-1234',
      '[socket.io] Sent IO_CLIENT_HELLO: Hello!',
      `[socket.io] You are tester (user id ${store.getState().identity.userId}).`,
      ...HELLO_LINES,
    ]);
    await waitFor(() => server.logs.includes('[socket.io] Client: Hello!'), 'the hello log');
  });

  it('emits a dispatched action and resolves its ack as a fulfilled action', async () => {
    const { store } = await connectStore();
    await waitFor(() => store.getState().connection.status === 'connected', 'connect');

    const result = await store.dispatch(joinRoom('lobby'));

    expect(joinRoom.fulfilled.match(result) && result.payload).toEqual({ ok: true, room: 'lobby' });
    expect(server.logs).toContain('[socket.io] A client joined room lobby.');
    expect(store.getState().rooms).toMatchObject({ current: 'lobby', joining: null, error: null });
  });

  it("rejects with the server's error and warns in the console", async () => {
    const { store, warnings } = await connectStore();
    await waitFor(() => store.getState().connection.status === 'connected', 'connect');

    const result = await store.dispatch(joinRoom('no spaces allowed'));

    const error = 'The room name may only contain letters, digits, _ or -.';
    expect(joinRoom.rejected.match(result) && result.payload).toBe(error);
    expect(store.getState().rooms.error).toBe(error);
    expect(warnings).toEqual([`[socket.io] IO_CLIENT_JOIN_ROOM refused: ${error}`]);
  });

  it('rejects an ack the server never answers once the timeout passes', async () => {
    const silent = http.createServer();
    const io = new Server(silent);
    io.on('connection', (socket) => socket.on(IO_CLIENT_JOIN_ROOM, () => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const { store } = await connectStore('tester', { url, ackTimeoutMs: 200, cookie: '' });
      await waitFor(() => store.getState().connection.status === 'connected', 'connect');

      const result = await store.dispatch(joinRoom('lobby'));

      expect(joinRoom.rejected.match(result) && result.payload).toBe(
        'The server did not answer IO_CLIENT_JOIN_ROOM within 200 ms.',
      );
    } finally {
      sockets.splice(0).forEach((socket) => socket.disconnect());
      await new Promise((resolve) => io.close(resolve));
    }
  });

  it('records IO_SERVER_ERROR and writes it with console.warn', async () => {
    const { store, socket, warnings } = await connectStore();
    await waitFor(() => store.getState().connection.status === 'connected', 'connect');

    socket.emit(IO_CLIENT_JOIN_ROOM, '');
    await waitFor(() => warnings.length === 1, 'the warning');

    const error = 'The room name is empty: use 1 to 64 letters, digits, _ or -.';
    expect(warnings).toEqual([`[socket.io] Error: ${error}`]);
    expect(logged(store, 'IO_SERVER_ERROR').map(({ text }) => text)).toEqual([error]);
  });

  it('tracks the connection across a server-side drop and a reconnect, without doubling messages', async () => {
    const { store, lines } = await connectStore();
    const statuses: string[] = [];
    store.subscribe(() => {
      const { status } = store.getState().connection;
      if (statuses.at(-1) !== status) statuses.push(status);
    });
    await waitFor(() => logged(store, IO_SERVER_HELLO).length === 3, 'the first three hellos');
    await store.dispatch(joinRoom('lobby'));
    const hellosBefore = logged(store, IO_SERVER_HELLO).length;

    // Closing the transport (not the socket) is what a network drop looks like: the client reconnects.
    server.io.sockets.sockets.forEach((serverSide) => serverSide.conn.close());
    await waitFor(() => store.getState().connection.status === 'reconnecting', 'the drop');
    expect(store.getState().connection.lastDisconnectReason).toBe('transport close');

    // Rejoining both rooms brings three hellos each; a doubled listener would bring twice that.
    await waitFor(() => logged(store, IO_SERVER_HELLO).length >= hellosBefore + 6, 'the rejoins');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(logged(store, IO_SERVER_HELLO)).toHaveLength(hellosBefore + 6);
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected']);
    expect(lines).toContain('[socket.io] Disconnected.');
    expect(store.getState().rooms.joined).toEqual(['hello-1234', 'lobby']);
  });

  it('renews a session that fails its signature check once, then reports the refusal', async () => {
    const { cookie } = await startSession(server.url, 'mallory');
    const tampered = cookie.replace(/session=([^;]+)/, (_, value: string) => `session=${value}x`);
    const { store, warnings } = await connectStore('', { cookie: tampered });
    await waitFor(() => store.getState().connection.lastError !== null, 'the refusal');

    // Node's fetch keeps no cookie, so the renewed session never reaches this socket; a browser's would.
    const error =
      'Your session cookie failed its signature check (it was altered, or signed with another SESSION_SECRET): reload the page for a new session.';
    expect(store.getState().connection).toMatchObject({ status: 'disconnected', lastError: error });
    expect(warnings).toEqual([
      '[socket.io] The session cookie is no longer valid (the server signs with another secret, or it was altered): starting a new session.',
      `[socket.io] Connection refused: ${error}`,
    ]);
  });

  it("delivers a chat to the room's members only, with the sender's name", async () => {
    const [alice, bob, carol] = await Promise.all(
      ['alice', 'bob', 'carol'].map((name) => connectStore(name)),
    );
    for (const { store } of [alice, bob, carol]) {
      await waitFor(() => store.getState().connection.status === 'connected', 'connect');
    }
    await alice.store.dispatch(joinRoom('attic'));
    await bob.store.dispatch(joinRoom('attic'));

    const result = await alice.store.dispatch(sendChat({ room: 'attic', text: 'hi' }));
    expect(sendChat.fulfilled.match(result)).toBe(true);

    await waitFor(() => logged(bob.store, 'IO_SERVER_CHAT').length === 1, "bob's copy");
    expect(logged(bob.store, 'IO_SERVER_CHAT')[0]).toMatchObject({
      direction: 'in',
      room: 'attic',
      text: 'hi',
      payload: { from: 'alice', room: 'attic', text: 'hi' },
    });
    expect(bob.lines).toContain('[socket.io] Chat in attic from alice: hi');
    // carol's next answer comes after anything sent to her before it.
    await carol.store.dispatch(joinRoom('kitchen'));
    expect(logged(carol.store, 'IO_SERVER_CHAT')).toEqual([]);
  });

  it('takes its identity from the server, and a rename at once, without reconnecting', async () => {
    const session = await startSession(server.url, 'ada');
    const { store, lines } = await connectStore('', { cookie: session.cookie });
    await waitFor(() => store.getState().identity.name === 'ada', 'the identity');
    expect(store.getState().identity).toEqual({ userId: session.userId, name: 'ada', error: null });

    // What the page's name form sends (the browser adds the cookie and its Origin).
    await fetch(`${server.url}/api/session/name`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: session.cookie },
      body: JSON.stringify({ name: 'Ada L.' }),
    });
    await waitFor(() => store.getState().identity.name === 'Ada L.', 'the new name');

    const names = [...server.io.sockets.sockets.values()].map((socket) => socket.data.name);
    expect(names).toEqual(['Ada L.']);
    expect(lines.filter((line) => line.includes('Connected'))).toHaveLength(1);
    expect(lines).toContain(`[socket.io] You are Ada L. (user id ${session.userId}).`);
  });

  it('refuses a name the server would refuse before asking it', async () => {
    const { store, warnings } = await connectStore();
    const result = await store.dispatch(changeName(''));

    const error = 'The display name is empty: use 1 to 32 printable characters.';
    expect(changeName.rejected.match(result) && result.payload).toBe(error);
    expect(store.getState().identity.error).toBe(error);
    expect(warnings).toEqual([`[socket.io] Name refused: ${error}`]);
  });

  it('refuses to be set up twice on one store', async () => {
    const { store } = await connectStore();
    expect(() => setUpSocket(store, { url: server.url })).toThrow(
      'setUpSocket was already called for this store.',
    );
  });
});
