import {
  IO_CLIENT_CHAT,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_CHAT,
  IO_SERVER_NOTIFY,
} from '../../src/shared/messages';
import { startSession, type TestSession } from '../helpers/session';
import type { TestClient } from '../helpers/testClient';
import { hasRedis, startRedis, type RedisServer } from '../helpers/redisServer';
import {
  collect,
  connectClient,
  roundTrip,
  startTestServer,
  waitFor,
  type TestServer,
} from '../helpers/testServer';

const describeWithRedis = hasRedis ? describe : describe.skip;

const TOKEN = 'test-push-token';
const UNREACHABLE = /^\[redis\] Redis is unreachable \((.+)\): serving this process's clients only/;
const BACK = '[redis] Redis is back: broadcasts reach every process again.';

let redis: RedisServer | undefined;
const servers: TestServer[] = [];
const clients: TestClient[] = [];

async function server(redisUrl: string): Promise<TestServer> {
  const started = await startTestServer({ redisUrl, pushToken: TOKEN, sessionKeys: SESSION_KEYS });
  servers.push(started);
  return started;
}

// One SESSION_SECRET for every process, as in production: a session started on one is valid on the others.
const SESSION_KEYS = ['the secret every process of this test shares'];

/** A tab of `who` on a process: a new session of that name, or the given session (the same user again). */
async function client(on: TestServer, who: string | TestSession): Promise<TestClient> {
  const session = typeof who === 'string' ? await startSession(on.url, who) : who;
  const socket = await connectClient(on.url, { extraHeaders: { cookie: session.cookie } });
  clients.push(socket);
  return socket;
}

const healthOf = async (on: TestServer): Promise<unknown> =>
  (await (await fetch(`${on.url}/healthz`)).json()) as unknown;

/** Polls /healthz until it says `status`, failing after `timeoutMs`: waiting for a state, not timing it. */
async function healthBecomes(on: TestServer, status: 'ok' | 'degraded', timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await healthOf(on);
    if ((health as { status?: string }).status === status) return;
    if (Date.now() > deadline)
      throw new Error(`/healthz still says ${JSON.stringify(health)} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const redisLines = (on: TestServer) => on.logs.filter((line) => line.startsWith('[redis]'));

/** A push, bounded: a push that hangs (as it did for the whole freeze) fails here instead of at jest's timeout. */
async function push(
  on: TestServer,
  to: string,
): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${on.url}/api/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ to, kind: 'info', text: 'Your report is ready.' }),
    signal: AbortSignal.timeout(8000),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

const PARTIAL = { ok: true, delivered: 1, partial: true, warning: expect.any(String) };

afterEach(async () => {
  redis?.resume(); // whatever happened, a frozen redis-server must not outlive its test
  clients.splice(0).forEach((socket) => socket.disconnect());
  await Promise.all(servers.splice(0).map((started) => started.close()));
  await redis?.stop();
  redis = undefined;
});

describeWithRedis('a frozen Redis (SIGSTOP): sockets open, nothing answers', () => {
  it('turns /healthz degraded within seconds, logs why once, and ok again once Redis answers', async () => {
    redis = await startRedis();
    const [one, two] = [await server(redis.url), await server(redis.url)];
    await Promise.all([healthBecomes(one, 'ok', 5000), healthBecomes(two, 'ok', 5000)]);

    redis.pause();
    await Promise.all([healthBecomes(one, 'degraded', 5000), healthBecomes(two, 'degraded', 5000)]);
    expect(await healthOf(one)).toMatchObject({ adapter: { kind: 'redis', healthy: false } });
    expect(redisLines(one)).toEqual([expect.stringMatching(UNREACHABLE)]);
    expect(UNREACHABLE.exec(redisLines(one)[0])?.[1]).toBe('no answer to PING within 1000 ms');

    redis.resume();
    await Promise.all([healthBecomes(one, 'ok', 10_000), healthBecomes(two, 'ok', 10_000)]);
    expect(redisLines(one)).toEqual([expect.stringMatching(UNREACHABLE), BACK]);

    // And it is true: a chat crosses between the processes again.
    const [alice, bob] = [await client(one, 'alice'), await client(two, 'bob')];
    const toBob = collect(bob, IO_SERVER_CHAT);
    await Promise.all(
      [alice, bob].map((s) => s.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'attic')),
    );
    await alice.timeout(5000).emitWithAck(IO_CLIENT_CHAT, { room: 'attic', text: 'across' });
    await waitFor(() => toBob.length === 1, 'the chat on process two');
  });

  it('answers a push within its deadline, with JSON: delivered here, marked partial', async () => {
    redis = await startRedis();
    const [one, two] = [await server(redis.url), await server(redis.url)];
    await Promise.all([healthBecomes(one, 'ok', 5000), healthBecomes(two, 'ok', 5000)]);
    const alice = await startSession(one.url, 'alice');
    const here = await client(one, alice);
    await client(two, alice);
    const received = collect(here, IO_SERVER_NOTIFY);

    redis.pause();
    // At once, before the health check has noticed: the cross-process count is what must give up.
    const answer = await push(one, alice.userId);

    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual(PARTIAL);
    await roundTrip(here);
    expect(received.map(({ text }) => text)).toEqual(['Your report is ready.']);

    // Once it has noticed, a push does not wait for Redis at all.
    await healthBecomes(one, 'degraded', 5000);
    expect(JSON.parse((await push(one, alice.userId)).body)).toEqual(PARTIAL);
  });
});

describeWithRedis('a stopped Redis', () => {
  it('answers a push with JSON, delivered to this process, marked partial', async () => {
    redis = await startRedis();
    const one = await server(redis.url);
    await healthBecomes(one, 'ok', 5000);
    const alice = await startSession(one.url, 'alice');
    await client(one, alice);

    await redis.stop();
    await healthBecomes(one, 'degraded', 5000);
    const answer = await push(one, alice.userId);

    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual(PARTIAL);
  });
});

describeWithRedis('a Redis that wants a password REDIS_URL lacks (--requirepass)', () => {
  it("stays degraded with Redis's reason in the log, never says it is back, and push answers JSON", async () => {
    redis = await startRedis({ password: 'sesame' });
    const one = await server(redis.url);
    const alice = await startSession(one.url, 'alice');
    await client(one, alice);

    await waitFor(() => redisLines(one).length > 0, 'the outage line');
    expect(redisLines(one)).toEqual([expect.stringMatching(UNREACHABLE)]);
    expect(UNREACHABLE.exec(redisLines(one)[0])?.[1]).toMatch(/^NOAUTH/);
    expect(await healthOf(one)).toMatchObject({
      status: 'degraded',
      adapter: { kind: 'redis', healthy: false },
    });

    const answer = await push(one, alice.userId);
    expect(answer.type).toMatch(/^application\/json/);
    expect(JSON.parse(answer.body)).toEqual(PARTIAL);
    // Several PING rounds later, still degraded, and still the one line.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await healthOf(one)).toMatchObject({ status: 'degraded' });
    expect(redisLines(one)).toHaveLength(1);
  });

  it('is ok with the password in REDIS_URL', async () => {
    redis = await startRedis({ password: 'sesame' });
    const one = await server(`redis://:sesame@127.0.0.1:${redis.port}`);
    await healthBecomes(one, 'ok', 5000);
    expect(redisLines(one)).toEqual([]);
  });
});
