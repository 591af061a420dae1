import { combineReducers, configureStore } from '@reduxjs/toolkit';
import chatReducer from './features/chat/chatSlice';
import connectionReducer from './features/connection/connectionSlice';
import identityReducer from './features/identity/identitySlice';
import messagesReducer from './features/messages/messagesSlice';
import notificationsReducer from './features/notifications/notificationsSlice';
import { navigateInPage, redirectOnPush, type Navigate } from './features/notifications/redirect';
import roomsReducer from './features/rooms/roomsSlice';
import statsReducer from './features/stats/statsSlice';
import { socketConsole } from './socket/socketConsole';
import { createSocketLink, type SocketLink } from './socket/socketLink';

const rootReducer = combineReducers({
  chat: chatReducer,
  connection: connectionReducer,
  identity: identityReducer,
  messages: messagesReducer,
  notifications: notificationsReducer,
  rooms: roomsReducer,
  stats: statsReducer,
});

export type RootState = ReturnType<typeof rootReducer>;

// A factory rather than a singleton: each test gets a fresh store, optionally starting from a given state.
// The link is how thunks reach the socket: they get it as their extra argument, and it travels with the store as
// `store.link`, where setUpSocket attaches the socket.
// navigate carries out pushed redirects.
export function makeStore(
  preloadedState?: Partial<RootState>,
  link: SocketLink = createSocketLink(),
  navigate: Navigate = navigateInPage,
) {
  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware({ thunk: { extraArgument: link } }).concat(
        socketConsole(link),
        redirectOnPush(navigate, (line) => link.console.warn(line)),
      ),
  });
  return Object.assign(store, { link });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
