import { combineReducers, configureStore } from '@reduxjs/toolkit';
import connectionReducer from './features/connection/connectionSlice';
import messagesReducer from './features/messages/messagesSlice';

const rootReducer = combineReducers({
  connection: connectionReducer,
  messages: messagesReducer,
});

export type RootState = ReturnType<typeof rootReducer>;

// A factory rather than a singleton: each test gets a fresh store, optionally starting from a given state.
export function makeStore(preloadedState?: Partial<RootState>) {
  return configureStore({ reducer: rootReducer, preloadedState });
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
