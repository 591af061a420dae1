import crypto from 'node:crypto';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { deliverPush, parsePushRequest } from '../features/push';
import type { AppServer } from '../types';

const MAX_BODY = '16kb';

// Compares digests so the time taken says nothing about how much of the token was right.
function tokenMatches(request: Request, token: string): boolean | undefined {
  const header = request.get('authorization');
  if (!header?.startsWith('Bearer ')) return undefined;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

// express.json's own failures (bad JSON, too large) get a JSON answer here, like every other refusal.
const answerBodyError: ErrorRequestHandler = (
  error: { status?: number; type?: string },
  _req,
  res,
  next,
) => {
  if (error.type === 'entity.parse.failed')
    res.status(400).json({ ok: false, error: 'The body is not valid JSON.' });
  else if (error.type === 'entity.too.large')
    res.status(413).json({ ok: false, error: `The body is larger than ${MAX_BODY}.` });
  else next(error);
};

/**
 * POST /api/push: sends IO_SERVER_NOTIFY to every tab of one user, or to everyone, and answers how many sockets
 * received it. It needs `Authorization: Bearer <PUSH_TOKEN>`; without PUSH_TOKEN set it is off and says so.
 */
export function createPushRouter(io: AppServer, token: string | undefined): express.Router {
  const router = express.Router();
  router.post('/api/push', express.json({ limit: MAX_BODY }), async (request, response) => {
    if (!token) {
      response.status(503).json({
        ok: false,
        error: 'Push is off: start the server with PUSH_TOKEN set to enable it.',
      });
      return;
    }
    const matches = tokenMatches(request, token);
    if (matches === undefined) {
      response
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ ok: false, error: 'Send the header Authorization: Bearer <PUSH_TOKEN>.' });
      return;
    }
    if (!matches) {
      response.status(403).json({ ok: false, error: 'The push token is wrong.' });
      return;
    }
    if (!request.is('application/json')) {
      response
        .status(415)
        .json({ ok: false, error: 'Send JSON, with Content-Type: application/json.' });
      return;
    }
    const parsed = parsePushRequest(request.body);
    if (!parsed.ok) {
      response.status(400).json(parsed);
      return;
    }
    const delivered = await deliverPush(io, parsed.push);
    response.json({ ok: true, delivered });
  });
  router.use(answerBodyError);
  return router;
}
