import { createAction, createAsyncThunk } from '@reduxjs/toolkit';
import type { Socket } from 'socket.io-client';
import type { Answer, ClientAnswer, ClientEvent, ClientPayload } from '../../shared/messages';
import { consoleMeta, trafficMeta, type Traffic } from './socketMeta';
import type { ClientSocket, SocketThunkConfig } from './socketLink';

type Success<E extends ClientEvent> = Extract<ClientAnswer<E>, { ok: true }>;

interface OutgoingOptions<E extends ClientEvent> {
  /** What the console and the message log show of the payload. */
  describe: (payload: ClientPayload<E>) => string;
  /** Whether the server answers through an ack; the thunk then waits for it, up to the link's timeout. */
  ack: boolean;
  room?: (payload: ClientPayload<E>) => string;
}

type OutgoingTraffic = Omit<Traffic, 'at'>;

/** A message dispatched while offline, leaving the outbox once the connection is back. */
export const queuedMessageSent = createAction(
  'socket/queuedMessageSent',
  (traffic: OutgoingTraffic) => ({
    payload: { name: traffic.name },
    meta: trafficMeta(traffic, `Sent ${traffic.name}: ${traffic.text}`),
  }),
);

/**
 * An action creator for one IO_CLIENT_* message: dispatching it emits. It is a thunk, so every send shows in
 * the store as pending (with the message in the log), then fulfilled with the server's answer or rejected
 * with its error, and `dispatch(...)` returns a promise of that outcome.
 *
 * While the connection is down the message waits in the link's outbox instead of Socket.IO's own buffer: that
 * buffer is sent before the client can rejoin its rooms, so a chat typed offline would reach a server that
 * has forgotten them. setUpSocket releases the outbox after the rejoins.
 */
export function outgoing<E extends ClientEvent>(name: E, options: OutgoingOptions<E>) {
  const traffic = (payload: ClientPayload<E>): OutgoingTraffic => ({
    direction: 'out',
    name,
    payload,
    text: options.describe(payload),
    room: options.room?.(payload),
  });

  return createAsyncThunk<Success<E>, ClientPayload<E>, SocketThunkConfig>(
    name,
    async (payload, { extra, dispatch, rejectWithValue }) => {
      const { socket } = extra;
      if (!socket) {
        const error = 'Not connected: the socket has not been set up.';
        return rejectWithValue(error, consoleMeta(`${name} refused: ${error}`, 'warn'));
      }
      if (!socket.connected) {
        await new Promise<void>((resolve) => extra.outbox.push(resolve));
        dispatch(queuedMessageSent(traffic(payload)));
      }
      const answer = (await emit(
        socket,
        name,
        payload,
        options.ack,
        extra.ackTimeoutMs,
      )) as ClientAnswer<E>;
      if (answer.ok) return answer as Success<E>;
      return rejectWithValue(answer.error, consoleMeta(`${name} refused: ${answer.error}`, 'warn'));
    },
    {
      // Logged as sent only when it leaves now; with no socket at all, the rejection says why.
      getPendingMeta: ({ arg }, { extra }) => {
        const sent = traffic(arg);
        if (!extra.socket) return {};
        return extra.socket.connected
          ? trafficMeta(sent, `Sent ${name}: ${sent.text}`)
          : consoleMeta(`Offline: ${name} will be sent when the connection is back: ${sent.text}`);
      },
    },
  );
}

// Socket.IO's typed emit cannot follow a generic event name, so this one function sees the socket with
// Socket.IO's own untyped event map; outgoing() above keeps the types at its boundary.
async function emit(
  typedSocket: ClientSocket,
  name: string,
  payload: unknown,
  ack: boolean,
  timeoutMs: number,
): Promise<Answer> {
  const socket: Socket = typedSocket;
  if (!ack) {
    socket.emit(name, payload);
    return { ok: true };
  }
  try {
    return await socket.timeout(timeoutMs).emitWithAck(name, payload);
  } catch {
    return { ok: false, error: `The server did not answer ${name} within ${timeoutMs} ms.` };
  }
}
