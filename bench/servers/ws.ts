// Raw ws with JSON messages: the benchmark's protocol with nothing else, rooms kept in a Map. A broadcast is
// serialised once and the same string written to every socket, as Socket.IO does.
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  CHAT,
  JOIN,
  SERVER_CHAT,
  SERVER_NOTIFY,
  type WsMessage,
  type WsRequest,
} from '../protocol';
import { serveControl } from './control';

const httpServer = http.createServer();
const wss = new WebSocketServer({ server: httpServer });
const rooms = new Map<string, Set<WebSocket>>();
let nextName = 0;

const sendTo = (sockets: Iterable<WebSocket>, message: WsMessage): void => {
  const data = JSON.stringify(message);
  for (const socket of sockets) socket.send(data);
};

wss.on('connection', (socket) => {
  const name = `ws-${(nextName += 1)}`;
  const joined = new Set<string>();
  socket.on('message', (data) => {
    let request: WsRequest;
    try {
      request = JSON.parse(String(data)) as WsRequest;
    } catch {
      return;
    }
    if (request.type === JOIN) {
      const members = rooms.get(request.room) ?? new Set<WebSocket>();
      rooms.set(request.room, members.add(socket));
      joined.add(request.room);
      sendTo([socket], { type: 'ack', id: request.id, ok: true });
    } else if (request.type === CHAT) {
      const members = joined.has(request.room) ? rooms.get(request.room) : undefined;
      const { room, text } = request;
      if (members) sendTo(members, { type: SERVER_CHAT, room, from: name, text, at: Date.now() });
      sendTo([socket], { type: 'ack', id: request.id, ok: members !== undefined });
    }
  });
  socket.on('close', () => {
    for (const room of joined) {
      rooms.get(room)?.delete(socket);
      if (rooms.get(room)?.size === 0) rooms.delete(room);
    }
  });
});

serveControl(httpServer, (text) =>
  sendTo(wss.clients, { type: SERVER_NOTIFY, kind: 'info', text, at: Date.now() }),
);
