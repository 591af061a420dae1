import { chatHandlers } from '../features/chat';
import { connectionHandlers } from '../features/connection';
import { statsHandlers } from '../features/stats';
import type { Handlers } from '../types';

/**
 * Every feature's handlers in one table. Its type lists every IO_CLIENT_* message, so a message that no feature
 * handles is a compile error here.
 */
export const handlers: Handlers = {
  ...connectionHandlers,
  ...chatHandlers,
  ...statsHandlers,
};
