import net from 'node:net';
import WebSocket from 'ws';
import { IO_CLIENT_JOIN_ROOM } from '../../src/shared/messages';
import type { TestClient } from './testClient';
import { waitFor } from './testServer';

/** True when the socket still gets an answer from the server: the check that a hostile client hurt no one. */
export async function isServed(socket: TestClient): Promise<boolean> {
  try {
    const answer = await socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'still-served');
    return answer.ok;
  } catch {
    return false;
  }
}

/** A websocket speaking Engine.IO by hand, so a test can send bytes the real client never would. */
export interface RawSocket {
  ws: WebSocket;
  /** Every text frame received. */
  frames: string[];
  closed: Promise<number>;
  isClosed(): boolean;
  send(data: string | Buffer): void;
  /** Opens the Socket.IO session (as `name`) and resolves once the server has accepted it. */
  connectSocketIo(name?: string): Promise<void>;
}

export async function rawSocket(
  port: number,
  headers: Record<string, string> = {},
): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`, {
    headers,
  });
  const frames: string[] = [];
  let closedCode: number | undefined;
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      closedCode = code;
      resolve(code);
    }),
  );
  ws.on('error', () => undefined); // a refused or cut connection is what these tests look for
  ws.on('message', (data, isBinary) => {
    if (!isBinary) frames.push(data.toString());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_request, response) =>
      reject(new Error(`HTTP ${response.statusCode}`)),
    );
    ws.once('close', () => reject(new Error('closed before opening')));
  });
  const raw: RawSocket = {
    ws,
    frames,
    closed,
    isClosed: () => closedCode !== undefined,
    send: (data) => ws.send(data),
    connectSocketIo: async (name = 'raw') => {
      await waitFor(
        () => frames.some((frame) => frame.startsWith('0{')),
        'the Engine.IO open packet',
      );
      ws.send(`40${JSON.stringify({ name })}`);
      await waitFor(
        () => frames.some((frame) => frame.startsWith('40{')),
        'the Socket.IO connect answer',
      );
    },
  };
  return raw;
}

/** Plain TCP: for requests no HTTP client will send, such as a 100 KB URL or 3,000 headers. */
export function rawHttp(
  port: number,
  request: string | Buffer,
): Promise<{ response: string; closed: boolean }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ response, closed: true }));
    socket.write(request);
    // A server that neither answers nor closes within 3 s has hung on the request: report it as such.
    setTimeout(() => {
      socket.destroy();
      resolve({ response, closed: false });
    }, 3000).unref();
  });
}

/** The status code of a raw HTTP response, or 0 when the server closed without answering. */
export const statusOf = (response: string): number =>
  Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
