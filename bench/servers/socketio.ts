// Bare Socket.IO, the same version as the app's, with nothing but the benchmark's protocol: join a room, chat
// to a room (everyone in it, the sender too, then an ack), and a notification to everyone. With the argument
// `websocket` it accepts websocket connections only; without, Socket.IO's defaults (polling, then upgrade).
import http from 'node:http';
import { Server } from 'socket.io';
import { CHAT, JOIN, SERVER_CHAT, SERVER_NOTIFY } from '../protocol';
import { serveControl } from './control';

type Ack = (answer: { ok: boolean }) => void;

const httpServer = http.createServer();
const io =
  process.argv[2] === 'websocket'
    ? new Server(httpServer, { transports: ['websocket'] })
    : new Server(httpServer);

io.on('connection', (socket) => {
  socket.on(JOIN, (room: unknown, ack: Ack) => {
    if (typeof room === 'string') void socket.join(room);
    ack({ ok: typeof room === 'string' });
  });
  socket.on(CHAT, (request: { room?: unknown; text?: unknown }, ack: Ack) => {
    const { room, text } = request;
    const ok = typeof room === 'string' && typeof text === 'string' && socket.rooms.has(room);
    if (ok) io.to(room).emit(SERVER_CHAT, { room, from: socket.id, text, at: Date.now() });
    ack({ ok });
  });
});

serveControl(httpServer, (text) => io.emit(SERVER_NOTIFY, { kind: 'info', text, at: Date.now() }));
