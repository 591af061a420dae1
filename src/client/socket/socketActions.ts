// Every message the client sends or receives, and the Redux action it is. Adding a message means one
// outgoing() line or one createAction plus its entry in `incoming`: the types come from src/shared/messages.ts.
import { createAction, type UnknownAction } from '@reduxjs/toolkit';
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
  type ChatMessage,
  type HelloScope,
  type Notification,
  type ServerError,
  type ServerEvent,
  type ServerStats,
  type ServerToClientEvents,
} from '../../shared/messages';
import { outgoing } from './outgoing';
import { consoleMeta, trafficMeta } from './socketMeta';

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
export const helloReceived = createAction(IO_SERVER_HELLO, (text: string, scope: HelloScope) => ({
  payload: { text, scope },
  meta: trafficMeta(
    { direction: 'in', name: IO_SERVER_HELLO, payload: { text, scope }, text, label: scope },
    `Server: ${text}`,
  ),
}));

export const chatReceived = createAction(IO_SERVER_CHAT, (message: ChatMessage) => ({
  payload: message,
  meta: trafficMeta(
    {
      direction: 'in',
      name: IO_SERVER_CHAT,
      payload: message,
      text: message.text,
      room: message.room,
    },
    `Chat in ${message.room} from ${message.from}: ${message.text}`,
  ),
}));

export const errorReceived = createAction(IO_SERVER_ERROR, (error: ServerError) => ({
  payload: error,
  meta: trafficMeta(
    {
      direction: 'in',
      name: IO_SERVER_ERROR,
      payload: error,
      text: error.error,
      label: error.event,
    },
    `Error: ${error.error}`,
    'warn',
  ),
}));

export const notificationReceived = createAction(
  IO_SERVER_NOTIFY,
  (notification: Notification) => ({
    payload: notification,
    meta: trafficMeta(
      {
        direction: 'in',
        name: IO_SERVER_NOTIFY,
        payload: notification,
        text: notification.text,
        label: notification.kind,
      },
      `Notify: ${notification.text}`,
      notification.kind === 'warning' ? 'warn' : 'log',
    ),
  }),
);

// A tick a second would push everything else out of the message log: stats show in their own panel instead.
export const statsReceived = createAction(IO_SERVER_STATS, (stats: ServerStats) => ({
  payload: stats,
  meta: consoleMeta(
    `Stats: ${stats.connectedClients} clients, ${stats.rooms} rooms, up ${stats.uptimeSeconds} s`,
  ),
}));

/** The action for each server message; the mapped type makes a missing one a compile error. */
export const incoming: {
  [E in ServerEvent]: (...args: Parameters<ServerToClientEvents[E]>) => UnknownAction;
} = {
  [IO_SERVER_HELLO]: helloReceived,
  [IO_SERVER_CHAT]: chatReceived,
  [IO_SERVER_ERROR]: errorReceived,
  [IO_SERVER_NOTIFY]: notificationReceived,
  [IO_SERVER_STATS]: statsReceived,
};
