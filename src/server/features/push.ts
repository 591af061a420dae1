// Push: a notification to every tab of one user (named by their signed session's id), or to everyone.
// POST /api/push (http/pushRoute.ts) checks the caller; these are the rules of what may be pushed, and the delivery.
import { isInAppPath } from '../../shared/inAppPath';
import { parseUserId } from '../../shared/userId';
import {
  IO_SERVER_NOTIFY,
  MAX_CHAT_LENGTH,
  NOTIFICATION_KINDS,
  type Answer,
  type Notification,
  type NotificationKind,
} from '../../shared/messages';
import { userRoomKey } from '../socket/rooms';
import type { AppServer } from '../types';

export interface PushRequest {
  /** A user id (the session's, never a display name: two people may share one), or '*' for everyone. */
  to: string;
  kind: NotificationKind;
  text: string;
  path?: string;
}

export function parsePushRequest(body: unknown): Answer<{ push: PushRequest }> {
  const { to, kind, text, path }: { to?: unknown; kind?: unknown; text?: unknown; path?: unknown } =
    typeof body === 'object' && body !== null ? body : {};
  if (to !== '*' && !parseUserId(to).ok) {
    return {
      ok: false,
      error:
        '"to" must be a user id (16 letters, digits, _ or -, shown on the page under "Your id") or "*" for everyone.',
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

/** How long a push waits for the other processes to say how many of its recipients they hold. */
export const PUSH_COUNT_DEADLINE_MS = 2000;

/** How many sockets received a push; `partial` when the other processes could not be reached. */
export type Delivery =
  | { delivered: number; partial?: undefined }
  | { delivered: number; partial: true; warning: string };

/** The promise's value, or undefined when it fails or takes longer than `ms` (its timer cleared either way). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends the notification and says how many sockets received it, counted across processes with Redis. Counting
 * asks every process through Redis, which may be away or frozen: then, or after PUSH_COUNT_DEADLINE_MS, the push
 * goes to this process's clients alone (at once, not queued to arrive whenever Redis is back), and says so.
 */
export async function deliverPush(
  io: AppServer,
  { to, kind, text, path }: PushRequest,
  reachesEveryProcess: () => boolean,
): Promise<Delivery> {
  const notification: Notification = { kind, text, at: Date.now(), ...(path ? { path } : {}) };
  const target = to === '*' ? io : io.in(userRoomKey(to));
  if (reachesEveryProcess()) {
    const everywhere = await within(target.fetchSockets(), PUSH_COUNT_DEADLINE_MS);
    if (everywhere) {
      target.emit(IO_SERVER_NOTIFY, notification);
      return { delivered: everywhere.length };
    }
  }
  const here = target.local;
  const delivered = (await here.fetchSockets()).length;
  here.emit(IO_SERVER_NOTIFY, notification);
  return {
    delivered,
    partial: true,
    warning:
      "The other server processes could not be reached through Redis: delivered to this process's clients only.",
  };
}
