import { APP_CONTAINER_ID } from '../shared/config';
import { setUpSocket } from './socket/setUpSocket';
import { makeStore } from './store';

// Socket first, page second: this first chunk holds only the store and the socket layer, so the connection opens
// (and the console lines start) as soon as it has run. The page's chunk was fetched beside it (the HTML preloads
// it) and renders whatever the store holds by then.
const store = makeStore();
setUpSocket(store);

import(/* webpackChunkName: "ui" */ './ui').then(
  ({ renderUi }) => renderUi(store),
  (error: unknown) => {
    // A deploy that replaced the chunks under an open page, or a network cut: say so instead of a blank page.
    console.error(error);
    const container = document.getElementById(APP_CONTAINER_ID);
    if (container)
      container.textContent = 'The page could not load its interface: reload to try again.';
  },
);
