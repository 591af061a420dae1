// The benchmark's clients, all in this process: socket.io-client for the app and bare Socket.IO (the same code,
// only the transports differ), the ws package for raw ws. Each reports what it receives to one Inbox, so a
// measurement can count the copies of one message across a thousand clients without a listener per message.
import { io as connectSocketIo } from 'socket.io-client';
import WebSocket from 'ws';
import {
  IO_CLIENT_CHAT,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_CHAT,
  IO_SERVER_NOTIFY,
} from '../src/shared/messages';
import type { TestClient } from '../test/helpers/testClient';
import { CHAT, JOIN, SERVER_CHAT, SERVER_NOTIFY, type WsMessage, type WsRequest } from './protocol';

const CONNECT_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 10_000;

/** Receives the text of every chat line and notification, with the index of the client that got it. */
export type Inbox = (client: number, text: string) => void;

export interface BenchClient {
  join(room: string): Promise<void>;
  /** Resolves with the server's ack, which it sends after the room's copies. */
  chat(room: string, text: string): Promise<void>;
  /** Whether it talks over a websocket now (a polling client upgrades shortly after connecting). */
  upgraded(): boolean;
  close(): void;
}

export type ClientKind =
  | { library: 'socket.io'; transports?: Array<'websocket' | 'polling'>; cookie?: string }
  | { library: 'ws' };

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function connectSocketIoClient(
  url: string,
  kind: Extract<ClientKind, { library: 'socket.io' }>,
  index: number,
  inbox: Inbox,
): Promise<BenchClient> {
  const socket: TestClient = connectSocketIo(url, {
    forceNew: true,
    reconnection: false,
    ...(kind.transports ? { transports: kind.transports, tryAllTransports: true } : {}),
    ...(kind.cookie ? { extraHeaders: { cookie: kind.cookie } } : {}),
  });
  socket.on(IO_SERVER_CHAT, ({ text }) => inbox(index, text));
  socket.on(IO_SERVER_NOTIFY, ({ text }) => inbox(index, text));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  await bounded(connected, CONNECT_TIMEOUT_MS, `client ${index} to connect`).catch((error) => {
    socket.close();
    throw error;
  });
  const expectOk = (answer: { ok: boolean }, what: string) => {
    if (!answer.ok) throw new Error(`The server refused ${what}: ${JSON.stringify(answer)}`);
  };
  return {
    async join(room) {
      expectOk(await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(IO_CLIENT_JOIN_ROOM, room), room);
    },
    async chat(room, text) {
      expectOk(
        await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(IO_CLIENT_CHAT, { room, text }),
        text,
      );
    },
    upgraded: () => socket.io.engine.transport.name === 'websocket',
    close: () => socket.close(),
  };
}

async function connectWsClient(url: string, index: number, inbox: Inbox): Promise<BenchClient> {
  const socket = new WebSocket(url.replace(/^http/, 'ws'));
  const acks = new Map<number, (ok: boolean) => void>();
  let nextId = 0;
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsMessage;
    if (message.type === 'ack') acks.get(message.id)?.(message.ok);
    else if (message.type === SERVER_CHAT || message.type === SERVER_NOTIFY) {
      inbox(index, message.text);
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  await bounded(opened, CONNECT_TIMEOUT_MS, `client ${index} to connect`).catch((error) => {
    socket.terminate();
    throw error;
  });
  const request = async (make: (id: number) => WsRequest, what: string) => {
    const id = (nextId += 1);
    const answered = new Promise<boolean>((resolve) => acks.set(id, resolve));
    socket.send(JSON.stringify(make(id)));
    const ok = await bounded(answered, ACK_TIMEOUT_MS, `the ack of ${what}`).finally(() =>
      acks.delete(id),
    );
    if (!ok) throw new Error(`The server refused ${what}.`);
  };
  return {
    join: (room) => request((id) => ({ type: JOIN, id, room }), room),
    chat: (room, text) => request((id) => ({ type: CHAT, id, room, text }), text),
    upgraded: () => true,
    close: () => socket.close(),
  };
}

export function connectClient(
  url: string,
  kind: ClientKind,
  index: number,
  inbox: Inbox,
): Promise<BenchClient> {
  return kind.library === 'ws'
    ? connectWsClient(url, index, inbox)
    : connectSocketIoClient(url, kind, index, inbox);
}
