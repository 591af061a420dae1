import { SESSION_COOKIE } from '../../src/server/session/session';

// At the first '=' only: cookie-session's values are base64, which may end in '='.
function splitPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  return [pair.slice(0, at), pair.slice(at + 1)];
}

/** The Cookie header that sends back what a response's Set-Cookie headers set (the session and its .sig). */
export function cookieHeader(response: Response, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map(splitPair));
  for (const line of response.headers.getSetCookie()) {
    const [name, value] = splitPair(line.split(';')[0]);
    if (value === '') jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export interface TestSession {
  /** The Cookie header a browser would send: pass it as socket.io-client's `extraHeaders.cookie`. */
  cookie: string;
  userId: string;
  name: string;
}

/**
 * A session as a browser gets one: GET /api/session signs a new guest session, then, with `name`, POST
 * /api/session/name renames it, as the page's name form does. Node's fetch keeps no cookies, so this does.
 */
export async function startSession(url: string, name?: string): Promise<TestSession> {
  const first = await fetch(`${url}/api/session`);
  let cookie = cookieHeader(first);
  let identity = (await first.json()) as { userId: string; name: string };
  if (name !== undefined) {
    const renamed = await fetch(`${url}/api/session/name`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', cookie },
      body: JSON.stringify({ name }),
    });
    if (!renamed.ok) throw new Error(`Renaming to ${name} failed: ${await renamed.text()}`);
    cookie = cookieHeader(renamed, cookie);
    identity = (await renamed.json()) as { userId: string; name: string };
  }
  if (!cookie.includes(`${SESSION_COOKIE}=`)) throw new Error('The server set no session cookie.');
  return { cookie, userId: identity.userId, name: identity.name };
}
