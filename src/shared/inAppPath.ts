// A redirect pushed to every open page must never send people to another site: both the server (when a push
// arrives) and the client (before it moves) accept only a path on the page's own origin.
export const MAX_PATH_LENGTH = 200;

/** True for "/", "/?room=lobby", "/#chat"; false for "//evil.example", "https://…", "javascript:…", "\\\\x". */
export function isInAppPath(path: unknown): path is string {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH_LENGTH) return false;
  if (!path.startsWith('/') || path.startsWith('//') || /[\\\\\s]/.test(path)) return false;
  const base = 'http://in-app.invalid';
  return new URL(path, base).origin === base;
}
