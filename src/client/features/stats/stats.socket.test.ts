import { subscribeTopic, unsubscribeTopic } from './statsSlice';
import { storeClient, type StoreClient } from '../../../../test/helpers/storeClient';
import { startTestServer, waitFor, type TestServer } from '../../../../test/helpers/testServer';

let server: TestServer;
let client: StoreClient;

beforeEach(async () => {
  server = await startTestServer({ statsIntervalMs: 50 });
  client = await storeClient(server.url);
  await waitFor(() => client.store.getState().connection.status === 'connected', 'connect');
});

afterEach(async () => {
  client.socket.disconnect();
  await server.close();
});

const stats = () => client.store.getState().stats;

describe('live stats through the store', () => {
  it('holds the latest tick while subscribed, and subscribes again after a reconnect', async () => {
    await client.store.dispatch(subscribeTopic('stats'));
    await waitFor(() => stats().latest !== null, 'a tick');
    expect(stats()).toMatchObject({ subscribed: true, latest: { connectedClients: 1 } });

    server.io.sockets.sockets.forEach((socket) => socket.conn.close());
    await waitFor(() => client.store.getState().connection.status === 'reconnecting', 'the drop');
    await waitFor(() => client.store.getState().connection.status === 'connected', 'the reconnect');
    await waitFor(() => server.stats.isTicking(), 'the subscription renewed');

    await client.store.dispatch(unsubscribeTopic('stats'));
    expect(stats()).toEqual({ subscribed: false, latest: null, error: null });
    expect(server.stats.isTicking()).toBe(false);
  });
});
