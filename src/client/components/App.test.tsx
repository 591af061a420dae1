/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { connected } from '../features/connection/connectionSlice';
import { messageReceived, messageSent } from '../features/messages/messagesSlice';
import { makeStore } from '../store';
import { App } from './App';

function renderApp() {
  const store = makeStore();
  render(
    <Provider store={store}>
      <App />
    </Provider>,
  );
  return store;
}

describe('<App />', () => {
  it('shows the connection state as it changes', () => {
    const store = renderApp();
    expect(screen.getByRole('status').textContent).toBe('connecting');

    act(() => {
      store.dispatch(connected({ socketId: 'abc' }));
    });
    expect(screen.getByRole('status').textContent).toBe('connected');
  });

  it('lists the messages in both directions', () => {
    const store = renderApp();
    expect(screen.getByText('No messages yet.')).toBeTruthy();

    act(() => {
      store.dispatch(messageSent({ name: 'IO_CLIENT_HELLO', text: 'Hello!' }));
      store.dispatch(messageReceived({ name: 'IO_SERVER_HELLO', text: 'Hello you!' }));
    });

    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(['↑IO_CLIENT_HELLOHello!', '↓IO_SERVER_HELLOHello you!']);
  });
});
