import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { APP_CONTAINER_ID } from '../shared/config';
import { App } from './App';
import { setUpSocket } from './socket/setUpSocket';
import { makeStore } from './store';

const store = makeStore();
setUpSocket(store);

const container = document.getElementById(APP_CONTAINER_ID);
if (!container) throw new Error(`The page has no #${APP_CONTAINER_ID} element to render into.`);

createRoot(container).render(
  <StrictMode>
    <Provider store={store}>
      <App />
    </Provider>
  </StrictMode>,
);
