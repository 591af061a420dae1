// Who a person is, as the server's signed session says (src/server/session/): a random id the client can show
// but never choose. A display name is what others read; two people may share one, never an id.
import type { Answer } from './messages';

/** 16 characters of base64url: 96 random bits, short enough to paste into `npm run push -- --to <id>`. */
export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function parseUserId(value: unknown): Answer<{ userId: string }> {
  if (typeof value === 'string' && USER_ID_PATTERN.test(value)) return { ok: true, userId: value };
  return {
    ok: false,
    error: 'A user id is 16 letters, digits, _ or -, as the page shows it under "Your id".',
  };
}
