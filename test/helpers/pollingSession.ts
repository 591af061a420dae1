import { IO_CLIENT_JOIN_ROOM } from '../../src/shared/messages';

/**
 * An Engine.IO long-polling session spoken by hand: it opens, joins Socket.IO as `name`, and then reads only when
 * the test says so. A session that never reads is what a client that stopped reading looks like to the server.
 */
export interface PollingSession {
  sid: string;
  /** POSTs Socket.IO packets, as a client does; the server answers "ok". */
  send(...packets: string[]): Promise<void>;
  /** One GET: everything the server queued for this session, or the server's refusal. */
  read(): Promise<{ status: number; body: string }>;
}

export async function openPollingSession(
  url: string,
  name: string,
  headers: Record<string, string> = {},
): Promise<PollingSession> {
  const base = `${url}/socket.io/?EIO=4&transport=polling`;
  const opened = await fetch(base, { headers });
  const text = await opened.text();
  if (!opened.ok) throw new Error(`HTTP ${opened.status}: ${text}`);
  const { sid } = JSON.parse(text.slice(1)) as { sid: string };
  const session: PollingSession = {
    sid,
    send: async (...packets) => {
      const response = await fetch(`${base}&sid=${sid}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'text/plain;charset=UTF-8' },
        body: packets.join('\x1e'),
      });
      await response.text();
    },
    read: async () => {
      const response = await fetch(`${base}&sid=${sid}`, { headers });
      return { status: response.status, body: await response.text() };
    },
  };
  await session.send(`40${JSON.stringify({ name })}`);
  await session.read(); // the CONNECT answer: from here on it is a Socket.IO socket
  return session;
}

/** A join without an ack, the packet a browser sends for `socket.emit(IO_CLIENT_JOIN_ROOM, room)`. */
export const joinPacket = (room: string): string =>
  `42${JSON.stringify([IO_CLIENT_JOIN_ROOM, room])}`;
