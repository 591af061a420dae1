import { IO_SERVER_ERROR, type Answer } from '../../shared/messages';
import type { AppSocket } from '../types';

const isAck = (value: unknown): value is (answer: Answer) => void => typeof value === 'function';

/** Answers a message the way its sender can hear it: in its ack, or, for a refusal, as IO_SERVER_ERROR. */
export function reply(socket: AppSocket, event: unknown, answer: Answer, ack: unknown): void {
  if (isAck(ack)) ack(answer);
  else if (!answer.ok) socket.emit(IO_SERVER_ERROR, { event: String(event), error: answer.error });
}
