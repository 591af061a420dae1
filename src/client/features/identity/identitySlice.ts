import { createAsyncThunk, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { guestName, parseDisplayName } from '../../../shared/displayName';
import { consoleMeta } from '../../socket/socketMeta';
import type { SocketThunkConfig } from '../../socket/socketLink';
import { saveDisplayName } from './nameStorage';

export interface IdentityState {
  /** The display name sent at every (re)connection. */
  name: string;
  /** Why the last change of name was refused. */
  error: string | null;
}

export const identitySlice = createSlice({
  name: 'identity',
  initialState: (): IdentityState => ({ name: guestName(), error: null }),
  reducers: {
    nameSet(state, action: PayloadAction<string>) {
      state.name = action.payload;
      state.error = null;
    },
  },
  extraReducers: (builder) => {
    builder.addCase(changeName.rejected, (state, action) => {
      state.error = action.payload ?? 'The name could not be changed.';
    });
  },
});

export const { nameSet } = identitySlice.actions;

/**
 * The server checks the name at the handshake only, so a new name takes a new connection: the name is stored
 * first, then the socket reconnects and its auth callback reads it.
 */
export const changeName = createAsyncThunk<string, string, SocketThunkConfig>(
  'identity/changeName',
  (requested, { dispatch, extra, rejectWithValue }) => {
    const answer = parseDisplayName(requested);
    if (!answer.ok) {
      return rejectWithValue(answer.error, consoleMeta(`Name refused: ${answer.error}`, 'warn'));
    }
    dispatch(nameSet(answer.name));
    saveDisplayName(answer.name);
    extra.socket?.disconnect().connect();
    return answer.name;
  },
);

export default identitySlice.reducer;
