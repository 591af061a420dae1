/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { Provider } from 'react-redux';
import { chatReceived } from './features/chat/chatSlice';
import { connected, connectFailed, helloReceived } from './features/connection/connectionSlice';
import { notificationReceived } from './features/notifications/notificationsSlice';
import { createSocketLink } from './socket/socketLink';
import { makeStore } from './store';
import { App } from './App';

// A real store with no socket attached: outgoing actions are refused as they would be before connecting.
function renderApp() {
  const quiet = { log: () => undefined, warn: () => undefined };
  const store = makeStore(
    { identity: { userId: 'AAAAAAAAAAAAAAAA', name: 'ada', error: null } },
    { ...createSocketLink(), console: quiet },
  );
  render(
    <Provider store={store}>
      <App />
    </Provider>,
  );
  return store;
}

// Socket messages notify the UI once per frame (Redux Toolkit's auto-batching): wait for that frame.
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

describe('<App />', () => {
  it('shows the connection state and why the server refused', () => {
    const store = renderApp();
    expect(screen.getByRole('status').textContent).toBe('connecting');

    act(() => {
      store.dispatch(connectFailed({ error: 'Bad name.', willRetry: false }));
    });
    expect(screen.getByRole('status').textContent).toBe('disconnected');
    expect(screen.getByRole('alert').textContent).toBe('Bad name.');

    act(() => {
      store.dispatch(connected({ socketId: 'abc' }));
    });
    expect(screen.getByRole('status').textContent).toBe('connected');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('lists the messages with the scope of each hello', async () => {
    const store = renderApp();
    expect(screen.getByText('No messages yet.')).toBeTruthy();

    await act(async () => {
      store.dispatch(helloReceived('Hello everyone!', 'everyone'));
      store.dispatch(helloReceived('Hello you!', 'you'));
      await nextFrame();
    });

    const list = screen.getByRole('list', { name: 'messages' });
    const items = within(list)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      '↓IO_SERVER_HELLOeveryoneHello everyone!',
      '↓IO_SERVER_HELLOyouHello you!',
    ]);
  });

  it("shows the current room's chat lines only", async () => {
    const store = renderApp();
    await act(async () => {
      store.dispatch(chatReceived({ room: 'hello-1234', from: 'bob', text: 'hi ada', at: 1 }));
      store.dispatch(chatReceived({ room: 'elsewhere', from: 'eve', text: 'not here', at: 2 }));
      await nextFrame();
    });

    const chat = screen.getByRole('region', { name: 'chat' });
    expect(within(chat).getByRole('heading').textContent).toBe('Chat in hello-1234');
    expect(
      within(chat)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['bob hi ada']);
  });

  it('shows why a join was refused', async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Room'), { target: { value: 'lobby' } });
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'room' }));
    });

    expect(screen.getByText('Not connected: the socket has not been set up.')).toBeTruthy();
  });

  it('refuses an empty display name with its reason and keeps the old one', async () => {
    const store = renderApp();
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: '   ' } });
    await act(async () => {
      fireEvent.submit(screen.getByRole('form', { name: 'display name' }));
    });

    expect(
      screen.getByText('The display name is empty: use 1 to 32 printable characters.'),
    ).toBeTruthy();
    expect(store.getState().identity.name).toBe('ada');
  });

  it('shows pushed notifications as toasts until dismissed', async () => {
    const store = renderApp();
    await act(async () => {
      store.dispatch(notificationReceived({ kind: 'info', text: 'Report ready', at: 1 }));
      store.dispatch(notificationReceived({ kind: 'warning', text: 'Maintenance at noon', at: 2 }));
      await nextFrame();
    });

    const toasts = screen.getByRole('list', { name: 'notifications' });
    const texts = () => Array.from(toasts.children).map((toast) => toast.textContent);
    expect(texts()).toEqual(['Report ready×', 'Maintenance at noon×']);
    expect(screen.getByRole('alert').textContent).toBe('Maintenance at noon×'); // a warning is announced

    fireEvent.click(within(toasts).getAllByRole('button', { name: 'Dismiss' })[0]);
    expect(texts()).toEqual(['Maintenance at noon×']);
  });
});
