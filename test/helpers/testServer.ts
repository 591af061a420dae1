import type { AddressInfo } from 'node:net';
import { io as connect, type ManagerOptions, type SocketOptions } from 'socket.io-client';
import { createApp, type App, type AppOptions } from '../../src/server/app';
import { IO_CLIENT_JOIN_ROOM, type ServerToClientEvents } from '../../src/shared/messages';
import { startSession } from './session';
import type { TestClient } from './testClient';

export interface TestServer extends App {
  url: string;
  port: number;
  /** Every line the server logged, in order. */
  logs: string[];
  close(): Promise<void>;
}

/** A real server on an ephemeral port (or the given one, to restart on the same port) that logs into an array. */
export async function startTestServer(options: AppOptions = {}, port = 0): Promise<TestServer> {
  const logs: string[] = [];
  const app = createApp({ log: (line) => logs.push(line), ...options });
  await new Promise<void>((resolve) => app.httpServer.listen(port, '127.0.0.1', resolve));
  const actual = (app.httpServer.address() as AddressInfo).port;
  return {
    ...app,
    logs,
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: async () => {
      await new Promise<void>((resolve) => app.io.close(() => resolve()));
      await app.adapter.close();
    },
  };
}

type ClientOptions = Partial<ManagerOptions & SocketOptions>;

/**
 * A real socket.io-client, resolved once connected (rejected with the server's refusal). Websocket only, so
 * tests do not wait for the upgrade. With `name`, it first gets a session of that name (startSession) and sends
 * its cookie, as a browser would; without one it sends no cookie and is a guest for this connection.
 */
export async function connectClient(
  url: string,
  { name, ...options }: ClientOptions & { name?: string } = {},
): Promise<TestClient> {
  const cookie = name === undefined ? undefined : (await startSession(url, name)).cookie;
  const socket: TestClient = connect(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(cookie === undefined ? {} : { extraHeaders: { cookie } }),
    ...options,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', (error) => {
      socket.close(); // a refused client must not keep polling after its test
      reject(error);
    });
  });
  return socket;
}

type ServerPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** Collects every payload of one server message into an array that fills as messages arrive. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: TestClient,
  event: E,
): ServerPayload<E>[] {
  const received: ServerPayload<E>[] = [];
  socket.onAny((name: string, payload: ServerPayload<E>) => {
    if (name === event) received.push(payload);
  });
  return received;
}

/**
 * Resolves once everything the server sent this socket before now has arrived. The server handles a socket's
 * packets in order and writes to it in order, so the answer to a request made now comes after them all. A join
 * of an empty room name is that request: the server answers it with an error and broadcasts nothing.
 */
export async function roundTrip(socket: TestClient): Promise<void> {
  await socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, '');
}

/** Polls until the condition holds, failing with the given description after the timeout. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ServerUnderTest {
  /** The running test's server: a new one on a free port before each test, closed after it. */
  readonly server: TestServer;
  /** A connected client, disconnected after the test; `name` is its display name, `room` one it joins first. */
  client(options?: ClientOptions & { name?: string; room?: string }): Promise<TestClient>;
}

/**
 * A server test's whole set-up in one line: `const running = serverPerTest()` at the top of the file (or of a
 * describe), then `running.server` and `await running.client({ name: 'alice', room: 'lobby' })` in the tests.
 * Each test gets a fresh server, so no test sees another's rooms, clients or logs.
 */
export function serverPerTest(options: AppOptions = {}): ServerUnderTest {
  let current: TestServer | undefined;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    current = await startTestServer(options);
  });
  afterEach(async () => {
    clients.splice(0).forEach((socket) => socket.disconnect());
    await current?.close();
    current = undefined;
  });
  const server = (): TestServer => {
    if (!current) throw new Error('serverPerTest: the server runs only during a test.');
    return current;
  };
  return {
    get server() {
      return server();
    },
    async client({ room, ...clientOptions } = {}) {
      const socket = await connectClient(server().url, clientOptions);
      clients.push(socket);
      if (room !== undefined) await socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, room);
      return socket;
    },
  };
}
