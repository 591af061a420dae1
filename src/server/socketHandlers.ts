import { IO_SERVER_ERROR, type Answer, type ClientEvent } from '../shared/messages';
import { handlers, type HandlerContext } from './handlers';
import { checkDisplayName } from './identity';
import type { AppServer, AppSocket, Log } from './types';

const isAck = (value: unknown): value is (answer: Answer) => void => typeof value === 'function';

export function registerSocketHandlers(io: AppServer, log: Log): void {
  io.use(checkDisplayName);

  io.on('connection', (socket: AppSocket) => {
    log('[socket.io] A client connected.');
    const context: HandlerContext = { io, socket, log };

    for (const event of Object.keys(handlers) as ClientEvent[]) {
      socket.on(event, (payload: unknown, ack: unknown) => {
        const answer = handleSafely(context, event, payload);
        if (isAck(ack)) ack(answer);
        else if (!answer.ok) socket.emit(IO_SERVER_ERROR, { event, error: answer.error });
      });
    }

    socket.on('disconnect', () => {
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
    context.log(`[socket.io] The ${event} handler failed: ${(error as Error).message}`);
    return { ok: false, error: `The server could not handle ${event}; please try again.` };
  }
}
