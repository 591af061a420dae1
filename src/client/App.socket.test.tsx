/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// React renders into jsdom while the server runs in this same process, so packages resolve to their Node
// builds: under the default "browser" condition `ws` is a stub and the server could not start.
import { act, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { IO_SERVER_HELLO } from '../shared/messages';
import { setUpSocket } from './socket/setUpSocket';
import { makeStore } from './store';
import { App } from './App';
import {
  connectClient,
  startTestServer,
  waitFor,
  type TestServer,
} from '../../test/helpers/testServer';

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.close();
});

describe('<App /> on a live socket', () => {
  it('gets exactly one action per server message however often the page mounts and unmounts', async () => {
    const store = makeStore();
    const quiet = { log: () => undefined, warn: () => undefined };
    const socket = setUpSocket(store, {
      url: server.url,
      console: quiet,
      io: { transports: ['websocket'] },
    });
    const hellos = () =>
      store.getState().messages.entries.filter((entry) => entry.name === IO_SERVER_HELLO);

    for (let round = 0; round < 5; round += 1) {
      const { unmount } = render(
        <Provider store={store}>
          <App />
        </Provider>,
      );
      unmount();
    }
    const { unmount } = render(
      <Provider store={store}>
        <App />
      </Provider>,
    );
    // Socket messages update the store while the page is mounted: waiting inside act() lets React apply them.
    await act(() => waitFor(() => hellos().length === 3, 'three hellos'));
    expect(screen.getByRole('status').textContent).toBe('connected');

    // Another client joining sends this one two hellos: one action each, one list item each.
    const other = await connectClient(server.url);
    await act(async () => {
      await other.timeout(5000).emitWithAck('IO_CLIENT_JOIN_ROOM', 'hello-1234');
      await waitFor(() => hellos().length >= 5, 'the two hellos from the other join');
      await new Promise((resolve) => setTimeout(resolve, 100));
    });

    expect(hellos().map(({ label }) => label)).toEqual([
      'everyone',
      'room',
      'you',
      'everyone',
      'room',
    ]);
    expect(screen.getAllByText('Hello everyone!')).toHaveLength(2);
    unmount();
    other.disconnect();
    socket.disconnect();
  });
});
