// Every message the client sends or receives, and the Redux action it is. Adding a message means one
// outgoing() line or one createAction plus its entry in `incoming`: the types come from src/shared/messages.ts.
import { createAction, type UnknownAction } from '@reduxjs/toolkit';
import {
  IO_CLIENT_CHAT,
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_CHAT,
  IO_SERVER_ERROR,
  IO_SERVER_HELLO,
  type ChatMessage,
  type HelloScope,
  type ServerError,
  type ServerEvent,
  type ServerToClientEvents,
} from '../../shared/messages';
import { outgoing } from './outgoing';
import { trafficMeta } from './socketMeta';

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

/** The action for each server message; the mapped type makes a missing one a compile error. */
export const incoming: {
  [E in ServerEvent]: (...args: Parameters<ServerToClientEvents[E]>) => UnknownAction;
} = {
  [IO_SERVER_HELLO]: helloReceived,
  [IO_SERVER_CHAT]: chatReceived,
  [IO_SERVER_ERROR]: errorReceived,
};
