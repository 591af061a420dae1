import crypto from 'node:crypto';
import express, {
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { deliverPush, parsePushRequest } from '../features/push';
import type { AdapterHandle } from '../socket/adapter';
import { reasonOf } from '../socket/redisHealth';
import type { AppServer, Log } from '../types';

const MAX_BODY_BYTES = 16 * 1024;
const MAX_BODY = `${MAX_BODY_BYTES / 1024}kb`;

export interface PushRouteOptions {
  /** The bearer token callers must send; push is off without one. */
  token: string | undefined;
  /** Whether broadcasts reach the other processes: when not, a push goes to this process alone at once. */
  adapter: Pick<AdapterHandle, 'healthy'>;
  log: Log;
}

// Compares digests so the time taken says nothing about how much of the token was right.
function tokenMatches(request: Request, token: string): boolean | undefined {
  const header = request.get('authorization');
  if (!header?.startsWith('Bearer ')) return undefined;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

// A refusal made before the body is read closes the connection after it: otherwise Node would keep reading
// (and discarding) whatever body was announced, for as long as the caller cares to send it.
function refuseUnread(response: Response, status: number, error: string): void {
  response.set('Connection', 'close').status(status).json({ ok: false, error });
}

/**
 * Everything that needs no body is checked before express.json reads one, so a caller without the token, or one
 * announcing 999 MB, is answered at once and let go. express.json's own limit still holds for a body sent
 * without a Content-Length (chunked), and only a caller with the token gets that far.
 */
const checkBeforeBody =
  (token: string | undefined): RequestHandler =>
  (request, response, next) => {
    if (!token) {
      refuseUnread(
        response,
        503,
        'Push is off: start the server with PUSH_TOKEN set to enable it.',
      );
      return;
    }
    const matches = tokenMatches(request, token);
    if (matches === undefined) {
      response.set('WWW-Authenticate', 'Bearer');
      refuseUnread(response, 401, 'Send the header Authorization: Bearer <PUSH_TOKEN>.');
      return;
    }
    if (!matches) {
      refuseUnread(response, 403, 'The push token is wrong.');
      return;
    }
    if (!request.is('application/json')) {
      refuseUnread(response, 415, 'Send JSON, with Content-Type: application/json.');
      return;
    }
    if (Number(request.get('content-length')) > MAX_BODY_BYTES) {
      refuseUnread(response, 413, `The body is larger than ${MAX_BODY}.`);
      return;
    }
    next();
  };

// Every failure of /api/push answers JSON, like every refusal: express.json's (bad JSON, too large, an unknown
// charset) with their 4xx, and anything else as a 500 whose cause goes to the log rather than to the caller.
const answerAsJson =
  (log: Log): ErrorRequestHandler =>
  (error: { status?: number; type?: string }, _req, res, _next) => {
    if (error.type === 'entity.parse.failed')
      res.status(400).json({ ok: false, error: 'The body is not valid JSON.' });
    else if (error.type === 'entity.too.large')
      res.status(413).json({ ok: false, error: `The body is larger than ${MAX_BODY}.` });
    else if (error.status && error.status >= 400 && error.status < 500)
      res
        .status(error.status)
        .json({ ok: false, error: `The body could not be read: ${reasonOf(error)}.` });
    else {
      log(`[push] failed: ${reasonOf(error)}`);
      res
        .status(500)
        .json({ ok: false, error: 'The push failed on the server; its log says why.' });
    }
  };

/**
 * POST /api/push: sends IO_SERVER_NOTIFY to every tab of one user, or to everyone, and answers how many sockets
 * received it. It needs `Authorization: Bearer <PUSH_TOKEN>`; without PUSH_TOKEN set it is off and says so.
 */
export function createPushRouter(
  io: AppServer,
  { token, adapter, log }: PushRouteOptions,
): express.Router {
  const router = express.Router();
  router.post(
    '/api/push',
    checkBeforeBody(token),
    express.json({ limit: MAX_BODY_BYTES }),
    async (request, response) => {
      const parsed = parsePushRequest(request.body);
      if (!parsed.ok) {
        response.status(400).json(parsed);
        return;
      }
      const delivery = await deliverPush(io, parsed.push, adapter.healthy);
      response.json({ ok: true, ...delivery });
    },
  );
  router.use(answerAsJson(log));
  return router;
}
