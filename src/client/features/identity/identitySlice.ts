import { createAsyncThunk, createSlice } from '@reduxjs/toolkit';
import { parseDisplayName } from '../../../shared/displayName';
import { IO_SERVER_IDENTITY, type Answer, type Identity } from '../../../shared/messages';
import { incoming, type IncomingTable } from '../../socket/incoming';
import { consoleMeta } from '../../socket/socketMeta';
import type { SocketLink, SocketThunkConfig } from '../../socket/socketLink';

// Who this tab is comes from the server's signed session, never from the page: the server says it on every
// connection and after every rename, and the page only asks for a new name.
export const identityReceived = incoming(IO_SERVER_IDENTITY, {
  payload: (identity) => identity,
  line: ({ name, userId }) => `You are ${name} (user id ${userId}).`,
  log: ({ name, userId }) => ({ text: `You are ${name}`, label: userId }),
});

export const identityIncoming = {
  [IO_SERVER_IDENTITY]: identityReceived,
} satisfies Partial<IncomingTable>;

export interface IdentityState {
  /** The session's user id, which a push names; null until the server has said. */
  userId: string | null;
  /** The display name others see; null until the server has said. */
  name: string | null;
  /** Why the last change of name was refused. */
  error: string | null;
}

const initialState: IdentityState = { userId: null, name: null, error: null };

export const identitySlice = createSlice({
  name: 'identity',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(identityReceived, (state, { payload }) => {
        state.userId = payload.userId;
        state.name = payload.name;
      })
      .addCase(changeName.pending, (state) => {
        state.error = null;
      })
      .addCase(changeName.fulfilled, (state, { payload }) => {
        state.userId = payload.userId;
        state.name = payload.name;
      })
      .addCase(changeName.rejected, (state, action) => {
        state.error = action.payload ?? 'The name could not be changed.';
      });
  },
});

/** A call to the session's HTTP routes (same origin as the page, so the browser sends the cookie). */
async function callSession(
  link: SocketLink,
  path: string,
  init: RequestInit = {},
): Promise<Answer<Identity>> {
  try {
    const response = await fetch(`${link.serverUrl}${path}`, { credentials: 'include', ...init });
    return (await response.json()) as Answer<Identity>;
  } catch {
    return { ok: false, error: 'The server could not be reached; try again in a moment.' };
  }
}

/**
 * Renames the session: POST /api/session/name checks the name with the same rule as here and stores it in the
 * signed cookie; the server then renames this user's sockets on every process and tells every open tab at
 * once (IO_SERVER_IDENTITY), so no reconnection is needed.
 */
export const changeName = createAsyncThunk<Identity, string, SocketThunkConfig>(
  'identity/changeName',
  async (requested, { extra, rejectWithValue }) => {
    const checked = parseDisplayName(requested);
    const answer = checked.ok
      ? await callSession(extra, '/api/session/name', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: checked.name }),
        })
      : checked;
    if (!answer.ok) {
      return rejectWithValue(answer.error, consoleMeta(`Name refused: ${answer.error}`, 'warn'));
    }
    return { userId: answer.userId, name: answer.name };
  },
);

/**
 * A handshake refused for a cookie that failed its signature check (the server's SESSION_SECRET changed, or the
 * cookie was altered): GET /api/session replaces it with a new guest session, and setUpSocket connects again.
 */
export const renewSession = createAsyncThunk<Identity, undefined, SocketThunkConfig>(
  'identity/renewSession',
  async (_, { extra, rejectWithValue }) => {
    const answer = await callSession(extra, '/api/session');
    if (!answer.ok) {
      const line = `No new session: ${answer.error}`;
      return rejectWithValue(answer.error, consoleMeta(line, 'warn'));
    }
    return { userId: answer.userId, name: answer.name };
  },
  {
    getPendingMeta: () =>
      consoleMeta(
        'The session cookie is no longer valid (the server signs with another secret, or it was altered): starting a new session.',
        'warn',
      ),
  },
);

export default identitySlice.reducer;
