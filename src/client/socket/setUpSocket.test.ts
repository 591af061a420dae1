import { makeStore } from '../store';
import { setUpSocket, type ClientSocket } from './setUpSocket';
import { startTestServer, waitFor, type TestServer } from '../../../test/helpers/testServer';

const HELLOS = ['Hello everyone!', 'Hello clients of room hello-1234!', 'Hello you!'];

let server: TestServer;
let socket: ClientSocket | undefined;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  socket?.disconnect();
  await server.close();
});

function start() {
  const store = makeStore();
  const lines: string[] = [];
  socket = setUpSocket(store, { url: server.url, log: (line) => lines.push(line) });
  const received = () =>
    store
      .getState()
      .messages.entries.filter((entry) => entry.direction === 'in')
      .map((entry) => entry.text);
  return { store, lines, received };
}

describe('setUpSocket against a real server', () => {
  it('connects, joins hello-1234, says hello and stores the three hellos', async () => {
    const { store, lines, received } = start();
    await waitFor(() => received().length === 3, 'three hellos');

    expect(store.getState().connection).toMatchObject({
      status: 'connected',
      socketId: socket?.id,
    });
    expect(received()).toEqual(HELLOS);
    expect(lines).toEqual([
      '[socket.io] Connected.',
      '[socket.io] Sent IO_CLIENT_JOIN_ROOM: hello-1234',
      '[socket.io] Sent IO_CLIENT_HELLO: Hello!',
      '[socket.io] Server: Hello everyone!',
      '[socket.io] Server: Hello clients of room hello-1234!',
      '[socket.io] Server: Hello you!',
    ]);
    await waitFor(() => server.logs.includes('[socket.io] Client: Hello!'), 'the hello log');
  });

  it('records a disconnect, then joins and says hello again after reconnecting', async () => {
    const { store, lines, received } = start();
    await waitFor(() => received().length === 3, 'the first three hellos');

    // Closing the transport (not the socket) is what a network drop looks like: the client reconnects.
    server.io.sockets.sockets.forEach((serverSide) => serverSide.conn.close());
    await waitFor(() => lines.includes('[socket.io] Disconnected.'), 'the disconnect');
    expect(store.getState().connection.lastDisconnectReason).toBe('transport close');

    await waitFor(() => received().length === 6, 'three more hellos');
    expect(received()).toEqual([...HELLOS, ...HELLOS]);
    expect(store.getState().connection.status).toBe('connected');
    expect(
      server.logs.filter((line) => line.startsWith('[socket.io] A client joined')),
    ).toHaveLength(2);
  });
});
