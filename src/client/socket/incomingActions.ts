import { chatIncoming } from '../features/chat/chatSlice';
import { connectionIncoming } from '../features/connection/connectionSlice';
import { identityIncoming } from '../features/identity/identitySlice';
import { notificationsIncoming } from '../features/notifications/notificationsSlice';
import { statsIncoming } from '../features/stats/statsSlice';
import type { IncomingTable } from './incoming';

/**
 * The action each IO_SERVER_* message becomes, from every feature's slice; setUpSocket dispatches it when the
 * message arrives. Its type lists every server message, so one that no feature declares is a compile error here.
 */
export const incomingActions: IncomingTable = {
  ...connectionIncoming,
  ...identityIncoming,
  ...chatIncoming,
  ...notificationsIncoming,
  ...statsIncoming,
};
