import type { ExtendedError } from 'socket.io';
import { parseDisplayName } from '../../shared/displayName';
import type { AppSocket } from '../types';

// Runs once per connection attempt, before 'connection': a refused name never becomes a connected socket, and
// the client's connect_error carries the sentence below.
export function checkDisplayName(socket: AppSocket, next: (error?: ExtendedError) => void): void {
  const { name }: { name?: unknown } = socket.handshake.auth;
  const answer = parseDisplayName(name);
  if (!answer.ok) {
    next(new Error(answer.error));
    return;
  }
  socket.data.name = answer.name;
  next();
}
