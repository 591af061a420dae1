import { combineReducers, configureStore } from '@reduxjs/toolkit';
import connectionReducer from './features/connection/connectionSlice';
import identityReducer from './features/identity/identitySlice';
import messagesReducer from './features/messages/messagesSlice';
import roomsReducer from './features/rooms/roomsSlice';
import { socketConsole } from './socket/socketConsole';
import { createSocketLink, type SocketLink } from './socket/socketLink';

const rootReducer = combineReducers({
  connection: connectionReducer,
  identity: identityReducer,
  messages: messagesReducer,
  rooms: roomsReducer,
});

export type RootState = ReturnType<typeof rootReducer>;

// A factory rather than a singleton: each test gets a fresh store, optionally starting from a given state.
// The link is how thunks reach the socket; setUpSocket attaches the socket to it.
export function makeStore(
  preloadedState?: Partial<RootState>,
  link: SocketLink = createSocketLink(),
) {
  return configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefaultMiddleware) =>
      getDefaultMiddleware({ thunk: { extraArgument: link } }).concat(socketConsole(link)),
  });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
