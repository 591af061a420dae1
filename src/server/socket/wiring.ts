import { IO_SERVER_IDENTITY, type Answer, type ClientEvent } from '../../shared/messages';
import { handlers } from './handlers';
import type { Limits } from '../limits';
import type { AddressBudgets } from './addressBudget';
import { logText } from '../logText';
import { limitRate } from './rateLimit';
import { reply } from './reply';
import { userRoomKey } from './rooms';
import type { StatsFeed } from '../features/stats';
import type { AppServer, AppSocket, HandlerContext, Log } from '../types';

const KNOWN = Object.keys(handlers).join(', ');
const isClientEvent = (event: unknown): event is ClientEvent =>
  typeof event === 'string' && Object.hasOwn(handlers, event);

export function registerSocketHandlers(
  io: AppServer,
  log: Log,
  limits: Limits,
  stats: StatsFeed,
  budgets: AddressBudgets,
): void {
  // One function for every socket, not one per socket: `this` is the socket that disconnected.
  function onDisconnect(this: AppSocket): void {
    stats.unsubscribe(this);
    log('[socket.io] A client disconnected.');
  }

  io.on('connection', (socket: AppSocket) => {
    log('[socket.io] A client connected.');
    // Every tab of one session shares this room: a push to the user id reaches them all, and nobody else.
    socket.join(userRoomKey(socket.data.userId));
    socket.emit(IO_SERVER_IDENTITY, { userId: socket.data.userId, name: socket.data.name });
    limitRate(socket, limits, log, budgets);

    // One middleware runs every message's handler, so a socket holds one listener instead of one per message.
    // Handled here, a message never reaches the EventEmitter: a name with no handler (a typo or a probe) is
    // answered, and a name such as "error" cannot throw.
    const context: HandlerContext = { io, socket, log, limits, stats };
    socket.use((packet) => handlePacket(context, packet));
    socket.on('disconnect', onDisconnect);
    // Engine.IO keeps each connection's HTTP handshake request for the connection's life. Once the middlewares
    // and this handler have read it (session, address), nothing needs it: dropped, as Socket.IO's docs suggest
    // for memory. No middleware runs again on this connection: Socket.IO ignores a second CONNECT to "/" and
    // refuses any other namespace, none being defined.
    (socket.conn as { request: unknown }).request = null;
  });
}

// Reads the packet in place, [event, payload?, ack?], rather than spreading it: this runs for every message.
function handlePacket(context: HandlerContext, packet: unknown[]): void {
  const event = packet[0];
  if (!isClientEvent(event)) {
    const name = JSON.stringify(String(event)).slice(0, 80);
    reply(
      context.socket,
      event,
      { ok: false, error: `Unknown message ${name}: the server handles ${KNOWN}.` },
      packet.length > 1 ? packet[packet.length - 1] : undefined,
    );
    return;
  }
  reply(context.socket, event, handleSafely(context, event, packet[1]), packet[2]);
}

// A handler that throws would otherwise take the whole process down with it; the client gets an answer instead.
function handleSafely(context: HandlerContext, event: ClientEvent, payload: unknown): Answer {
  try {
    const handle: (context: HandlerContext, payload: unknown) => Answer = handlers[event];
    return handle(context, payload);
  } catch (error) {
    // The message may quote what the client sent.
    const message = error instanceof Error ? error.message : String(error);
    context.log(`[socket.io] The ${event} handler failed: ${logText(message)}`);
    return { ok: false, error: `The server could not handle ${event}; please try again.` };
  }
}
