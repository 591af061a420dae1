import { IO_SERVER_CHAT } from '../../shared/messages';
import { sendChat } from '../features/chat/chatSlice';
import { joinRoom } from '../features/rooms/roomsSlice';
import { logged, storeClient, type StoreClient } from '../../../test/helpers/storeClient';
import { startTestServer, waitFor, type TestServer } from '../../../test/helpers/testServer';

let server: TestServer;
const clients: StoreClient[] = [];

afterEach(async () => {
  clients.splice(0).forEach(({ socket }) => socket.disconnect());
  await server.close();
});

const status = ({ store }: StoreClient) => store.getState().connection.status;

describe('a server restart', () => {
  it('delivers a chat typed while the server was down to the room, exactly once, after the rejoin', async () => {
    // A restart keeps SESSION_SECRET, so the sessions stay valid.
    const options = { sessionKeys: ['a secret for both runs of this server, 32+'] };
    server = await startTestServer(options);
    // Bob comes back quickly; Alice later, so Bob is in the room again when her message arrives.
    const bob = await storeClient(server.url, 'bob', { io: { randomizationFactor: 0 } });
    const alice = await storeClient(server.url, 'alice', {
      io: { reconnectionDelay: 400, reconnectionDelayMax: 400, randomizationFactor: 0 },
    });
    clients.push(bob, alice);
    for (const client of clients) {
      await waitFor(() => status(client) === 'connected', 'connect');
      await client.store.dispatch(joinRoom('attic'));
    }

    await server.close();
    await waitFor(() => clients.every((client) => status(client) === 'reconnecting'), 'the drop');
    const typedOffline = alice.store.dispatch(sendChat({ room: 'attic', text: 'typed offline' }));
    server = await startTestServer(options, server.port);

    const result = await typedOffline;
    expect(sendChat.fulfilled.match(result)).toBe(true);
    await waitFor(() => logged(bob.store, IO_SERVER_CHAT).length === 1, "bob's copy");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(logged(bob.store, IO_SERVER_CHAT).map(({ text }) => text)).toEqual(['typed offline']);
    expect(logged(alice.store, IO_SERVER_CHAT).map(({ text }) => text)).toEqual(['typed offline']);

    // Alice's console tells the story in order: queued, back, rejoined, then sent.
    const story = alice.lines.filter((line) =>
      /Offline|Connected|JOIN_ROOM: attic|Sent IO_CLIENT_CHAT/.test(line),
    );
    expect(story.slice(-4)).toEqual([
      '[socket.io] Offline: IO_CLIENT_CHAT will be sent when the connection is back: attic: typed offline',
      '[socket.io] Connected.',
      '[socket.io] Sent IO_CLIENT_JOIN_ROOM: attic',
      '[socket.io] Sent IO_CLIENT_CHAT: attic: typed offline',
    ]);
  });
});
