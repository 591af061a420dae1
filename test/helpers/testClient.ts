import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/shared/messages';

/**
 * A socket.io-client typed with the shared event maps: how tests and benchmarks drive the server, without
 * reaching into the browser client's code.
 */
export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;
