import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { IO_SERVER_NOTIFY, type Notification } from '../../../shared/messages';
import { incoming, type IncomingTable } from '../../socket/incoming';

export const notificationReceived = incoming(IO_SERVER_NOTIFY, {
  payload: (notification) => notification,
  line: ({ text }) => `Notify: ${text}`,
  level: ({ kind }) => (kind === 'warning' ? 'warn' : 'log'),
  log: ({ text, kind }) => ({ text, label: kind }),
});

export const notificationsIncoming = {
  [IO_SERVER_NOTIFY]: notificationReceived,
} satisfies Partial<IncomingTable>;

/** Toasts beyond this many push the oldest out: a burst of pushes cannot cover the page. */
export const MAX_TOASTS = 5;

export interface Toast extends Notification {
  id: number;
}

export interface NotificationsState {
  toasts: Toast[];
  nextId: number;
}

const initialState: NotificationsState = { toasts: [], nextId: 1 };

export const notificationsSlice = createSlice({
  name: 'notifications',
  initialState,
  reducers: {
    toastDismissed(state, action: PayloadAction<number>) {
      state.toasts = state.toasts.filter((toast) => toast.id !== action.payload);
    },
  },
  extraReducers: (builder) => {
    builder.addCase(notificationReceived, (state, { payload }) => {
      if (payload.kind === 'redirect') return; // a redirect moves the page; there is nothing to show
      state.toasts.push({ id: state.nextId, ...payload });
      state.nextId += 1;
      state.toasts.splice(0, Math.max(0, state.toasts.length - MAX_TOASTS));
    });
  },
});

export const { toastDismissed } = notificationsSlice.actions;
export default notificationsSlice.reducer;
