// Every message the client sends or receives, and the Redux action it is. Adding a message means one
// outgoing() declaration, or one incoming() declaration and its line in `incomingActions`: the types come from
// src/shared/messages.ts.
import {
  IO_CLIENT_CHAT,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_CLIENT_SUBSCRIBE,
  IO_CLIENT_UNSUBSCRIBE,
  IO_SERVER_CHAT,
  IO_SERVER_ERROR,
  IO_SERVER_HELLO,
  IO_SERVER_NOTIFY,
  IO_SERVER_STATS,
} from '../../shared/messages';
import { incoming, type IncomingTable } from './incoming';
import { outgoing } from './outgoing';

// Outgoing: dispatching one of these emits its IO_CLIENT_* message.
export const joinRoom = outgoing(IO_CLIENT_JOIN_ROOM, {
  ack: true,
  describe: (room) => room,
  room: (room) => room,
});
export const sayHello = outgoing(IO_CLIENT_HELLO, { ack: false, describe: (text) => text });
export const sendChat = outgoing(IO_CLIENT_CHAT, {
  ack: true,
  describe: ({ room, text }) => `${room}: ${text}`,
  room: ({ room }) => room,
});

export const subscribeTopic = outgoing(IO_CLIENT_SUBSCRIBE, {
  ack: true,
  describe: (topic) => topic,
});
export const unsubscribeTopic = outgoing(IO_CLIENT_UNSUBSCRIBE, {
  ack: true,
  describe: (topic) => topic,
});

// Incoming: each IO_SERVER_* message becomes one of these actions, its arguments those of the message.
export const helloReceived = incoming(IO_SERVER_HELLO, {
  payload: (text, scope) => ({ text, scope }),
  line: ({ text }) => `Server: ${text}`,
  log: ({ text, scope }) => ({ text, label: scope }),
});

export const chatReceived = incoming(IO_SERVER_CHAT, {
  payload: (message) => message,
  line: ({ room, from, text }) => `Chat in ${room} from ${from}: ${text}`,
  log: ({ room, text }) => ({ text, room }),
});

export const errorReceived = incoming(IO_SERVER_ERROR, {
  payload: (error) => error,
  line: ({ error }) => `Error: ${error}`,
  level: () => 'warn',
  log: ({ error, event }) => ({ text: error, label: event }),
});

export const notificationReceived = incoming(IO_SERVER_NOTIFY, {
  payload: (notification) => notification,
  line: ({ text }) => `Notify: ${text}`,
  level: ({ kind }) => (kind === 'warning' ? 'warn' : 'log'),
  log: ({ text, kind }) => ({ text, label: kind }),
});

// No log: a tick a second would push everything else out of the message log; stats show in their own panel.
export const statsReceived = incoming(IO_SERVER_STATS, {
  payload: (stats) => stats,
  line: (stats) =>
    `Stats: ${stats.connectedClients} clients, ${stats.rooms} rooms, up ${stats.uptimeSeconds} s`,
});

/** The action for each server message; setUpSocket dispatches it when the message arrives. */
export const incomingActions: IncomingTable = {
  [IO_SERVER_HELLO]: helloReceived,
  [IO_SERVER_CHAT]: chatReceived,
  [IO_SERVER_ERROR]: errorReceived,
  [IO_SERVER_NOTIFY]: notificationReceived,
  [IO_SERVER_STATS]: statsReceived,
};
