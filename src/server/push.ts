import crypto from 'node:crypto';
import express, { type ErrorRequestHandler, type Request } from 'express';
import { isInAppPath } from '../shared/inAppPath';
import { parseDisplayName } from '../shared/displayName';
import {
  IO_SERVER_NOTIFY,
  MAX_CHAT_LENGTH,
  NOTIFICATION_KINDS,
  type Answer,
  type Notification,
  type NotificationKind,
} from '../shared/messages';
import { userRoomKey } from './rooms';
import type { AppServer } from './types';

export interface PushRequest {
  /** A display name, or '*' for everyone. */
  to: string;
  kind: NotificationKind;
  text: string;
  path?: string;
}

const MAX_BODY = '16kb';

function parsePushRequest(body: unknown): Answer<{ push: PushRequest }> {
  const { to, kind, text, path }: { to?: unknown; kind?: unknown; text?: unknown; path?: unknown } =
    typeof body === 'object' && body !== null ? body : {};
  if (to !== '*' && !parseDisplayName(to).ok) {
    return {
      ok: false,
      error: '"to" must be a display name (1 to 32 printable characters) or "*" for everyone.',
    };
  }
  if (!NOTIFICATION_KINDS.includes(kind as NotificationKind)) {
    return { ok: false, error: `"kind" must be one of ${NOTIFICATION_KINDS.join(', ')}.` };
  }
  if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_CHAT_LENGTH) {
    return { ok: false, error: `"text" must be 1 to ${MAX_CHAT_LENGTH} characters.` };
  }
  if (kind === 'redirect' ? !isInAppPath(path) : path !== undefined) {
    return {
      ok: false,
      error:
        kind === 'redirect'
          ? '"path" must be a path on this site, such as /?room=lobby (not another origin).'
          : '"path" goes with kind "redirect" only.',
    };
  }
  return {
    ok: true,
    push: {
      to: to as string,
      kind: kind as NotificationKind,
      text,
      path: path as string | undefined,
    },
  };
}

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
    const { to, kind, text, path } = parsed.push;
    const notification: Notification = { kind, text, at: Date.now(), ...(path ? { path } : {}) };
    const target = to === '*' ? io : io.in(userRoomKey(to));
    const delivered = (await target.fetchSockets()).length;
    target.emit(IO_SERVER_NOTIFY, notification);
    response.json({ ok: true, delivered });
  });
  router.use(answerBodyError);
  return router;
}
