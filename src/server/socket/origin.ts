import type http from 'node:http';
import type { ExtendedError } from 'socket.io';
import type { HostCheck } from '../http/allowedHosts';
import type { AppSocket } from '../types';

type AllowRequest = (
  request: http.IncomingMessage,
  callback: (error: string | null | undefined, success: boolean) => void,
) => void;

/**
 * Socket.IO's `allowRequest`: it runs on every new connection, polling and websocket alike (CORS covers only
 * polling, and browsers let any page open a websocket to any server). A browser always sends Origin, so a page
 * of another site is refused; clients that send none, like Node's, are not browsers and are let through.
 */
export function checkOrigin(allowedOrigins: string[]): AllowRequest {
  const isAllowed = originCheck(allowedOrigins);
  return (request, callback) => {
    if (isAllowed(request.headers)) callback(null, true);
    else callback('Origin not allowed', false);
  };
}

/**
 * Whether a request's Origin is this server's page, one of the allowed origins, or absent (not a browser). The
 * socket's check above and the session's rename (session/sessionRoutes.ts) use the same rule.
 */
export function originCheck(
  allowedOrigins: string[],
): (headers: http.IncomingHttpHeaders) => boolean {
  const allowed = new Set(allowedOrigins);
  return ({ origin, host }) =>
    origin === undefined || allowed.has(origin) || isSameOrigin(origin, host);
}

// The page's own origin: its host and port are the ones this request was sent to (and checkHost below makes
// sure that host is one of this server's names).
function isSameOrigin(origin: string, host: string | undefined): boolean {
  return host !== undefined && URL.canParse(origin) && new URL(origin).host === host;
}

/**
 * The Host check for sockets, as a Socket.IO middleware rather than in `allowRequest`: a refusal there reaches
 * the client only as "websocket error", while here its connect_error carries the sentence. A rebinding page
 * passes the Origin check above (its Origin and Host agree), so this is what stops it.
 */
export function checkHost(check: HostCheck) {
  return (socket: AppSocket, next: (error?: ExtendedError) => void): void => {
    const refusal = check(socket.handshake.headers.host);
    next(refusal === undefined ? undefined : new Error(refusal));
  };
}
