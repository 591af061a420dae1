// The signed session: who a person is, decided by the server and kept in a cookie it signs (cookie-session),
// read by the page's HTTP requests and by every Socket.IO handshake. Nothing a client sends names it.
import crypto from 'node:crypto';
import type http from 'node:http';
import { parse as parseCookies } from 'cookie';
import cookieSession from 'cookie-session';
import type { Request, RequestHandler, Response } from 'express';
import type { ExtendedError } from 'socket.io';
import { guestName, parseDisplayName } from '../../shared/displayName';
import { SESSION_INVALID, type Identity } from '../../shared/messages';
import { parseUserId } from '../../shared/userId';
import type { AppServer, AppSocket } from '../types';

export const SESSION_COOKIE = 'realtime-stack.session';

// Chromium keeps a cookie 400 days at most; a year is under that, and a visit within it keeps the same id.
const SESSION_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

type SessionRequest = http.IncomingMessage & { session?: object | null };

/**
 * The cookie-session middleware. The cookie is HttpOnly (page scripts cannot read it), SameSite=Lax (another
 * site's form or fetch does not carry it) and Secure when the request came over HTTPS (`req.secure`, which
 * honours TRUST_PROXY behind a load balancer). `keys[0]` signs; every key is accepted.
 */
export function sessionMiddleware(keys: string[]): RequestHandler {
  const readSession = cookieSession({
    name: SESSION_COOKIE,
    keys,
    httpOnly: true,
    sameSite: 'lax',
    maxAge: SESSION_MAX_AGE_MS,
  });
  return (request, response, next) => {
    readSession(request, response, () => {
      request.sessionOptions.secure = request.secure;
      next();
    });
  };
}

/** The identity a session holds, or undefined when it holds none (new, or not one of ours). */
export function identityIn(session: object | null | undefined): Identity | undefined {
  const { userId, name } = (session ?? {}) as { userId?: unknown; name?: unknown };
  const id = parseUserId(userId);
  const displayName = parseDisplayName(name);
  return id.ok && displayName.ok ? { userId: id.userId, name: displayName.name } : undefined;
}

const newGuest = (): Identity => ({
  userId: crypto.randomBytes(12).toString('base64url'),
  name: guestName(),
});

/**
 * The one place an identity is decided: a guest, the first time a browser comes. Real login plugs in here:
 * after Passport's `req.login()` or an OAuth callback, set `request.session.userId` to the account's id (and
 * `name` to its display name) instead; the handshake, the rooms and push read only these two fields.
 */
export function ensureIdentity(request: Request): Identity {
  const current = identityIn(request.session);
  if (current) return current;
  const guest = newGuest();
  request.session = guest;
  return guest;
}

/** The page's route: every first visit leaves with a session cookie. */
export const startSession: RequestHandler = (request, _response, next) => {
  ensureIdentity(request);
  next();
};

/** What each handshake's cookie said: the identity, or that a cookie was sent and failed its check. */
const handshakeSessions = new WeakMap<http.IncomingMessage, Identity | typeof SESSION_INVALID>();

/**
 * Socket.IO's documented way to share an Express session: the same middleware on Engine.IO's requests, polling
 * and websocket upgrades alike. Engine.IO hands it Node's request and response, which cookie-session reads like
 * Express's. It is read here, while that response is open, because a failed signature makes the cookies
 * library answer with a Set-Cookie that clears it; later, in the Socket.IO middleware, the response is gone.
 * Only a handshake (no `sid` yet) is read: later requests of the same connection are already someone.
 */
export function readSessionOnHandshake(io: AppServer, keys: string[]): void {
  const readSession = cookieSession({ name: SESSION_COOKIE, keys });
  io.engine.use((request: SessionRequest, response: http.ServerResponse, next: () => void) => {
    if (new URL(request.url ?? '/', 'http://localhost').searchParams.has('sid')) {
      next();
      return;
    }
    readSession(request as Request, response as Response, () => {
      const identity = identityIn(request.session);
      if (identity) handshakeSessions.set(request, identity);
      // Parsed only when the session was not ours: a cookie sent anyway failed its signature.
      else if (parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE] !== undefined)
        handshakeSessions.set(request, SESSION_INVALID);
      next();
    });
  });
}

/**
 * The handshake's identity, from the session only. A cookie that fails its signature check is refused with a
 * sentence and `data.code` SESSION_INVALID, so the page can fetch a new session and connect again. A client that
 * sends no cookie at all (Node's socket.io-client, a browser with cookies off) is a guest for this connection
 * alone: nobody can claim its id either.
 */
export function identifyFromSession(
  socket: AppSocket,
  next: (error?: ExtendedError) => void,
): void {
  const session = handshakeSessions.get(socket.request);
  if (session === SESSION_INVALID) {
    const error: ExtendedError = new Error(
      'Your session cookie failed its signature check (it was altered, or signed with another SESSION_SECRET): reload the page for a new session.',
    );
    error.data = { code: SESSION_INVALID };
    next(error);
    return;
  }
  Object.assign(socket.data, session ?? newGuest());
  next();
}
