import { createAsyncThunk } from '@reduxjs/toolkit';
import type { Answer, ClientAnswer, ClientEvent, ClientPayload } from '../../shared/messages';
import { consoleMeta, trafficMeta } from './socketMeta';
import type { SocketLink, SocketThunkConfig } from './socketLink';

type Success<E extends ClientEvent> = Extract<ClientAnswer<E>, { ok: true }>;

interface OutgoingOptions<E extends ClientEvent> {
  /** What the console and the message log show of the payload. */
  describe: (payload: ClientPayload<E>) => string;
  /** Whether the server answers through an ack; the thunk then waits for it, up to the link's timeout. */
  ack: boolean;
  room?: (payload: ClientPayload<E>) => string;
}

/**
 * An action creator for one IO_CLIENT_* message: dispatching it emits. It is a thunk, so every send shows in
 * the store as pending (with the message in the log), then fulfilled with the server's answer or rejected
 * with its error, and `dispatch(...)` returns a promise of that outcome.
 */
export function outgoing<E extends ClientEvent>(name: E, options: OutgoingOptions<E>) {
  return createAsyncThunk<Success<E>, ClientPayload<E>, SocketThunkConfig>(
    name,
    async (payload, { extra, rejectWithValue }) => {
      const answer = (await emit(extra, name, payload, options.ack)) as ClientAnswer<E>;
      if (answer.ok) return answer as Success<E>;
      return rejectWithValue(answer.error, consoleMeta(`${name} refused: ${answer.error}`, 'warn'));
    },
    {
      getPendingMeta: ({ arg }) => {
        const text = options.describe(arg);
        const traffic = {
          direction: 'out' as const,
          name,
          payload: arg,
          text,
          room: options.room?.(arg),
        };
        return trafficMeta(traffic, `Sent ${name}: ${text}`);
      },
    },
  );
}

// Socket.IO's typed emit cannot follow a generic event name, so this one function sees the socket loosely;
// outgoing() above keeps the types at its boundary.
interface LooseSocket {
  emit(name: string, payload: unknown): void;
  timeout(ms: number): { emitWithAck(name: string, payload: unknown): Promise<Answer> };
}

async function emit(
  link: SocketLink,
  name: string,
  payload: unknown,
  ack: boolean,
): Promise<Answer> {
  if (!link.socket) return { ok: false, error: 'Not connected: the socket has not been set up.' };
  const socket = link.socket as unknown as LooseSocket;
  if (!ack) {
    socket.emit(name, payload);
    return { ok: true };
  }
  try {
    return await socket.timeout(link.ackTimeoutMs).emitWithAck(name, payload);
  } catch {
    return {
      ok: false,
      error: `The server did not answer ${name} within ${link.ackTimeoutMs} ms.`,
    };
  }
}
