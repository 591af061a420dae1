import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { APP_CONTAINER_ID } from '../shared/config';
import { App } from './App';
import type { AppStore } from './store';

/**
 * The page itself, in its own chunk: React and the components load beside the first chunk, which has already
 * made the store and opened the socket, so messages that arrive first are in the store when React renders.
 */
export function renderUi(store: AppStore): void {
  const container = document.getElementById(APP_CONTAINER_ID);
  if (!container) throw new Error(`The page has no #${APP_CONTAINER_ID} element to render into.`);
  // A transition: React renders the page in slices of a few milliseconds and lets the socket's events run in
  // between, instead of holding the main thread for the whole first render while the handshake waits.
  const root = createRoot(container);
  startTransition(() => {
    root.render(
      <StrictMode>
        <Provider store={store}>
          <App />
        </Provider>
      </StrictMode>,
    );
  });
}
