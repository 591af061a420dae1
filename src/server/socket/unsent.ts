// A client that stops reading (a polling session that never fetches, a websocket whose reader is stuck) leaves
// every message sent to it in Engine.IO's write buffer, and the buffer has no limit of its own. This puts one on
// each connection: over MAX_UNSENT_BYTES waiting, that connection alone is dropped, with a log line, and its
// buffer goes with it. The buffer empties each time it is handed to the transport ('flush').
import type { Limits } from '../limits';
import type { AppServer, Log } from '../types';

interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: { data?: unknown }) => void): void;
  on(event: 'flush', listener: () => void): void;
  close(discard?: boolean): void;
}

// The encoded packet's length: characters for text, which is bytes for ASCII, and bytes for binary.
const sizeOf = (data: unknown): number =>
  typeof data === 'string' || Buffer.isBuffer(data) ? data.length : 0;

export function boundUnsent(io: AppServer, limits: Limits, log: Log): void {
  io.engine.on('connection', (connection: EngineConnection) => {
    let unsent = 0;
    let dropping = false;
    connection.on('packetCreate', (packet) => {
      unsent += sizeOf(packet.data);
      if (unsent <= limits.maxUnsentBytes || dropping) return;
      dropping = true;
      log(
        `[socket.io] Dropped a client that stopped reading: over ${limits.maxUnsentBytes} bytes waiting to be sent to it.`,
      );
      // After this packet is queued: closing inside Engine.IO's own send would race with its flush.
      setImmediate(() => connection.close(true));
    });
    connection.on('flush', () => {
      unsent = 0;
    });
  });
}
