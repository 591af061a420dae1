// The session's HTTP side: who this browser is, and the one change a person may make to it, the display name.
// A rename is told to every tab of that session on every process.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { parseDisplayName } from '../../shared/displayName';
import { IO_SERVER_IDENTITY, type Identity } from '../../shared/messages';
import type { AdapterHandle } from '../socket/adapter';
import { originCheck } from '../socket/origin';
import { userRoomKey } from '../socket/rooms';
import type { AppServer } from '../types';
import { ensureIdentity, sessionMiddleware, startSession } from './session';

/**
 * A rename reaches every tab of the user at once, on every process: each process renames its own sockets of
 * that user (so their next chat carries the new name) and then tells them, in that order.
 */
export function renameHere(io: AppServer, identity: Identity): void {
  const room = userRoomKey(identity.userId);
  for (const id of io.of('/').adapter.rooms.get(room) ?? []) {
    const socket = io.of('/').sockets.get(id);
    if (socket) socket.data.name = identity.name;
  }
  io.local.to(room).emit(IO_SERVER_IDENTITY, identity);
}

export function listenForRenames(io: AppServer): void {
  io.on('renamed', (identity) => renameHere(io, identity));
}

/**
 * Changing the session from another site's page is refused, besides SameSite=Lax keeping the cookie off such
 * requests: its Origin is not this server's. A request with no Origin is not from a browser, so no other page
 * can have sent it. JSON is required too, which a cross-site form cannot send.
 */
const refuseOtherSites = (allowedOrigins: string[]): RequestHandler => {
  const isAllowed = originCheck(allowedOrigins);
  return (request, response, next) => {
    if (!isAllowed(request.headers)) {
      const origin = JSON.stringify(String(request.headers.origin).slice(0, 100));
      response.status(403).json({
        ok: false,
        error: `Renaming is refused from another site (Origin ${origin}); rename on this server's own page.`,
      });
    } else if (!request.is('application/json')) {
      response
        .status(415)
        .json({ ok: false, error: 'Send JSON, with Content-Type: application/json.' });
    } else next();
  };
};

const answerAsJson: ErrorRequestHandler = (error: { type?: string }, _req, res, _next) => {
  const tooLarge = error.type === 'entity.too.large';
  res.status(tooLarge ? 413 : 400).json({
    ok: false,
    error: tooLarge ? 'The body is larger than 1kb.' : 'The body is not valid JSON.',
  });
};

/** What the page's route runs first, so every first visit leaves with a session cookie. */
export const pageSession = (keys: string[]): RequestHandler[] => [
  sessionMiddleware(keys),
  startSession,
];

/**
 * GET /api/session: who this browser is (starting a session on the first call). POST /api/session/name
 * `{ "name": "Ada" }`: renames this session, answers the new identity and tells every open tab of it.
 */
export function createSessionRouter(
  io: AppServer,
  {
    keys,
    allowedOrigins,
    adapter,
  }: { keys: string[]; allowedOrigins: string[]; adapter: Pick<AdapterHandle, 'kind'> },
): express.Router {
  const router = express.Router();
  const session = sessionMiddleware(keys);
  router.get('/api/session', session, (request, response) => {
    response.set('Cache-Control', 'no-store').json({ ok: true, ...ensureIdentity(request) });
  });
  router.post(
    '/api/session/name',
    refuseOtherSites(allowedOrigins),
    express.json({ limit: '1kb' }),
    session,
    (request, response) => {
      const { name }: { name?: unknown } = (request.body as object | undefined) ?? {};
      const answer = parseDisplayName(name);
      if (!answer.ok) {
        response.status(400).json(answer);
        return;
      }
      const identity: Identity = { userId: ensureIdentity(request).userId, name: answer.name };
      request.session = identity;
      renameHere(io, identity);
      // Only Redis has other processes to tell (the in-memory adapter warns when asked).
      if (adapter.kind === 'redis') io.serverSideEmit('renamed', identity);
      response.set('Cache-Control', 'no-store').json({ ok: true, ...identity });
    },
  );
  router.use('/api/session', answerAsJson);
  return router;
}
