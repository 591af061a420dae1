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
  io.on('connection', (socket: AppSocket) => {
    log('[socket.io] A client connected.');
    // Every tab of one session shares this room: a push to the user id reaches them all, and nobody else.
    socket.join(userRoomKey(socket.data.userId));
    socket.emit(IO_SERVER_IDENTITY, { userId: socket.data.userId, name: socket.data.name });
    limitRate(socket, limits, log, budgets);
    // A name with no handler is a typo or a probe: say so, and never let it reach the EventEmitter, where a
    // name such as "error" would throw.
    socket.use(([event, ...args], next) => {
      if (isClientEvent(event)) {
        next();
        return;
      }
      const name = JSON.stringify(String(event)).slice(0, 80);
      reply(
        socket,
        event,
        { ok: false, error: `Unknown message ${name}: the server handles ${KNOWN}.` },
        args.at(-1),
      );
    });

    const context: HandlerContext = { io, socket, log, limits, stats };
    for (const event of Object.keys(handlers) as ClientEvent[]) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        reply(socket, event, handleSafely(context, event, payload), ack);
      });
    }

    socket.on('disconnect', () => {
      stats.unsubscribe(socket);
      log('[socket.io] A client disconnected.');
    });
  });
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
