import {
  IO_CLIENT_CHAT,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_CHAT,
  IO_SERVER_HELLO,
  IO_SERVER_IDENTITY,
  IO_SERVER_NOTIFY,
} from '../../src/shared/messages';
import { startSession } from '../helpers/session';
import type { TestClient } from '../helpers/testClient';
import { isServed } from '../helpers/rawClients';
import { hasRedis, startRedis, type RedisServer } from '../helpers/redisServer';
import {
  collect,
  connectClient,
  startTestServer,
  waitFor,
  type TestServer,
} from '../helpers/testServer';

const describeWithRedis = hasRedis ? describe : describe.skip;

let redis: RedisServer;
let one: TestServer;
let two: TestServer;
const clients: TestClient[] = [];

// One SESSION_SECRET for both processes, as in production: a session started on one is valid on the other.
const PUSH_TOKEN = 'scale-out-push-token';
const sharing = () => ({
  redisUrl: redis.url,
  pushToken: PUSH_TOKEN,
  sessionKeys: ['the secret both processes of this test share'],
});

async function client(server: TestServer, name = 'tester'): Promise<TestClient> {
  const socket = await connectClient(server.url, { name });
  clients.push(socket);
  return socket;
}

const join = (socket: TestClient, room: string) =>
  socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, room);
const chat = (socket: TestClient, room: string, text: string) =>
  socket.timeout(5000).emitWithAck(IO_CLIENT_CHAT, { room, text });
const redisLines = (server: TestServer) => server.logs.filter((line) => line.startsWith('[redis]'));

describeWithRedis('two processes sharing rooms through Redis', () => {
  beforeEach(async () => {
    redis = await startRedis();
    [one, two] = await Promise.all([startTestServer(sharing()), startTestServer(sharing())]);
    await Promise.all([one.adapter.ready, two.adapter.ready]);
  });

  afterEach(async () => {
    clients.splice(0).forEach((socket) => socket.disconnect());
    await Promise.all([one.close(), two.close()]);
    await redis.stop();
  });

  it('keeps the three scopes exact across processes', async () => {
    const inRoomOnOne = await client(one);
    await join(inRoomOnOne, 'lobby');
    const elsewhereOnOne = await client(one);
    await join(elsewhereOnOne, 'kitchen');
    const inNoRoomOnTwo = await client(two);
    const [roomHellos, elsewhereHellos, noRoomHellos] = [
      inRoomOnOne,
      elsewhereOnOne,
      inNoRoomOnTwo,
    ].map((s) => collect(s, IO_SERVER_HELLO));

    const joiningOnTwo = await client(two);
    const joinerHellos = collect(joiningOnTwo, IO_SERVER_HELLO);
    await join(joiningOnTwo, 'lobby');
    // The copies to everyone else are volatile: one sent while a socket is still writing the last is dropped, so
    // each socket gets this join's copy before the marker join below sends the next.
    await waitFor(
      () => noRoomHellos.length >= 1 && elsewhereHellos.length >= 1 && roomHellos.length >= 2,
      "the join's hellos",
    );
    // A chat to the lobby, then a join of another room, each published after the hellos above: once they have
    // arrived everywhere, so has everything before them. The join waits until the chat has reached process one,
    // so its volatile copy does not find that socket still writing the chat.
    const lobbyChats = collect(inRoomOnOne, IO_SERVER_CHAT);
    await chat(joiningOnTwo, 'lobby', 'marker');
    await waitFor(() => lobbyChats.length === 1, 'the chat marker on process one');
    await join(joiningOnTwo, 'marker-room');
    await waitFor(
      () => noRoomHellos.length >= 2 && elsewhereHellos.length >= 2 && roomHellos.length >= 3,
      'markers',
    );

    expect(joinerHellos.slice(0, 3)).toEqual([
      'Hello everyone!',
      'Hello clients of room lobby!',
      'Hello you!',
    ]);
    expect(roomHellos).toEqual([
      'Hello everyone!',
      'Hello clients of room lobby!',
      'Hello everyone!',
    ]);
    expect(elsewhereHellos).toEqual(['Hello everyone!', 'Hello everyone!']);
    expect(noRoomHellos).toEqual(['Hello everyone!', 'Hello everyone!']);
  });

  it("delivers a chat to the room's members on both processes, once each", async () => {
    const alice = await client(one, 'alice');
    const bob = await client(two, 'bob');
    const carol = await client(two, 'carol');
    await Promise.all([join(alice, 'attic'), join(bob, 'attic'), join(carol, 'cellar')]);
    const [toAlice, toBob, toCarol] = [alice, bob, carol].map((s) => collect(s, IO_SERVER_CHAT));

    await chat(bob, 'attic', 'hi from two');
    await chat(alice, 'attic', 'hi from one');
    await waitFor(() => toAlice.length >= 2 && toBob.length >= 2, 'both chats on both processes');
    await join(carol, 'cellar'); // carol's own answer comes after anything sent to her before it
    await new Promise((resolve) => setTimeout(resolve, 100));

    const texts = (messages: typeof toAlice) =>
      messages.map(({ from, text }) => `${from}: ${text}`);
    // Each exactly once; the order between two processes' messages is not defined, so it is not checked.
    const both = ['alice: hi from one', 'bob: hi from two'];
    expect(texts(toAlice).sort()).toEqual(both);
    expect(texts(toBob).sort()).toEqual(both);
    expect(toCarol).toEqual([]);
  });

  it('shares one session: a rename on one process and a push to the id reach its tab on the other', async () => {
    const ada = await startSession(one.url, 'ada');
    const tabOnTwo = await connectClient(two.url, { extraHeaders: { cookie: ada.cookie } });
    clients.push(tabOnTwo);
    const bobOnTwo = await client(two, 'bob');
    await Promise.all([join(tabOnTwo, 'lobby'), join(bobOnTwo, 'lobby')]);
    const told = collect(tabOnTwo, IO_SERVER_IDENTITY);
    const pushed = collect(tabOnTwo, IO_SERVER_NOTIFY);
    const chats = collect(bobOnTwo, IO_SERVER_CHAT);
    expect([...two.io.sockets.sockets.values()].map(({ data }) => data.userId)).toContain(
      ada.userId,
    );

    const renamed = await fetch(`${one.url}/api/session/name`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie: ada.cookie },
      body: JSON.stringify({ name: 'Ada L.' }),
    });
    expect(renamed.status).toBe(200);
    await waitFor(() => told.length === 1, 'the rename on process two');
    expect(told).toEqual([{ userId: ada.userId, name: 'Ada L.' }]);
    await chat(tabOnTwo, 'lobby', 'renamed');
    await waitFor(() => chats.length === 1, "bob's copy");
    expect(chats[0].from).toBe('Ada L.');

    const push = await fetch(`${one.url}/api/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${PUSH_TOKEN}` },
      body: JSON.stringify({ to: ada.userId, kind: 'info', text: 'across processes' }),
    });
    expect(await push.json()).toEqual({ ok: true, delivered: 1 });
    await waitFor(() => pushed.length === 1, 'the push on process two');
    expect(pushed[0].text).toBe('across processes');
  });

  it('keeps serving on one process when the other stops', async () => {
    const onOne = await client(one);
    const alsoOnOne = await client(one);
    await Promise.all([join(onOne, 'lobby'), join(alsoOnOne, 'lobby')]);
    const hellos = collect(alsoOnOne, IO_SERVER_HELLO);

    await two.close();
    await join(onOne, 'lobby');
    await waitFor(() => hellos.length === 2, 'the room hellos');

    expect(hellos).toEqual(['Hello everyone!', 'Hello clients of room lobby!']);
    expect(await isServed(alsoOnOne)).toBe(true);
    two = await startTestServer(sharing()); // for afterEach
  });

  it('serves local clients while Redis is down, logs it once, and recovers when it is back', async () => {
    const onOne = await client(one);
    const alsoOnOne = await client(one);
    const onTwo = await client(two);
    const [localAll, remoteAll] = [alsoOnOne, onTwo].map((s) => collect(s, IO_SERVER_HELLO));
    const remoteChats = collect(onTwo, IO_SERVER_CHAT);
    // One after the other, so who hears whose room hello is fixed: alsoOnOne hears its own and onTwo's.
    for (const socket of [onOne, alsoOnOne, onTwo]) await join(socket, 'lobby');
    // The hellos of those joins cross Redis after their acks, both ways: a chat published after them marks when
    // they have reached process two, onTwo's room hello on alsoOnOne when they have reached process one. The
    // copies to everyone travel on another channel than the room's, so a moment more lets any late one land.
    const isRoomHello = (text: string) => text.startsWith('Hello clients');
    await chat(onOne, 'lobby', 'marker');
    await waitFor(() => remoteChats.length === 1, 'the marker on process two');
    await waitFor(
      () => localAll.filter(isRoomHello).length === 2,
      'the room hellos on process one',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [localBefore, remoteBefore] = [localAll.length, remoteAll.length];
    const localHellos = () => localAll.slice(localBefore);
    const remoteHellos = () => remoteAll.slice(remoteBefore);

    await redis.stop();
    await waitFor(() => !one.adapter.healthy() && !two.adapter.healthy(), 'both to notice');
    const health = await (await fetch(`${one.url}/healthz`)).json();
    expect(health).toMatchObject({
      status: 'degraded',
      adapter: { kind: 'redis', healthy: false },
    });

    // Many broadcasts during the outage: local delivery goes on, and the outage is logged once, not per message.
    for (let i = 0; i < 5; i += 1) await join(onOne, 'lobby');
    // Only the room's copy is certain: the "everyone" copy is volatile now, and a socket still writing misses it.
    const roomHellos = () => localHellos().filter(isRoomHello);
    await waitFor(() => roomHellos().length === 5, "the local room's hellos");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(remoteHellos()).toEqual([]);
    const outage =
      "[redis] Redis is unreachable (Socket closed unexpectedly): serving this process's clients only, and retrying.";
    expect(redisLines(one)).toEqual([outage]);

    await redis.restart();
    await waitFor(
      () => one.adapter.healthy() && two.adapter.healthy(),
      'both to reconnect',
      20_000,
    );
    await join(onOne, 'lobby');
    await waitFor(() => remoteHellos().length === 2, 'hellos across processes again', 10_000);

    expect(remoteHellos()).toEqual(['Hello everyone!', 'Hello clients of room lobby!']);
    expect(redisLines(one)).toEqual([
      outage,
      '[redis] Redis is back: broadcasts reach every process again.',
    ]);
    expect(await (await fetch(`${two.url}/healthz`)).json()).toMatchObject({
      status: 'ok',
      connectedClients: 1,
      adapter: { kind: 'redis', healthy: true },
    });
  });
});
