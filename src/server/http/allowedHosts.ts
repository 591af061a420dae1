import net from 'node:net';
import type { RequestHandler } from 'express';

/**
 * DNS rebinding: a page at http://evil.example:8000 whose name the attacker then points at 127.0.0.1 is, to the
 * browser, same-origin with this server, so it may read every answer and open the socket. Its requests still
 * say `Host: evil.example:8000`, and that is what this check refuses. Always allowed: `localhost`, which
 * browsers resolve themselves, and IP addresses, which have no DNS to rebind; besides them, only the names the
 * operator gave (ALLOWED_HOSTS, and the host names of ALLOWED_ORIGINS). Ports are not compared: rebinding
 * reuses the server's own port, and behind a proxy the public port differs from PORT.
 */
export type HostCheck = (hostHeader: string | undefined) => string | undefined;

/** The host name of a Host header (lower case, IPv6 in brackets), or undefined when it is not one. */
function hostNameOf(hostHeader: string): string | undefined {
  const url = `http://${hostHeader}`;
  if (!URL.canParse(url)) return undefined;
  const { hostname, username, password, pathname, search, hash } = new URL(url);
  return username || password || pathname !== '/' || search || hash ? undefined : hostname;
}

const isIpAddress = (hostName: string) => net.isIP(hostName.replace(/^\[(.*)\]$/, '$1')) !== 0;

/** ALLOWED_HOSTS: comma-separated host names, without scheme or port. A bad entry stops the server. */
export function parseAllowedHosts(value: string | undefined): string[] {
  const listed = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of listed) {
    if (hostNameOf(name) !== name.toLowerCase()) {
      throw new Error(
        `ALLOWED_HOSTS must list host names like app.example.com (no scheme or port), got "${name}".`,
      );
    }
  }
  return listed.map((name) => name.toLowerCase());
}

/** The check, as a function returning the sentence a refused request gets (undefined when it is allowed). */
export function createHostCheck(allowedHosts: string[], allowedOrigins: string[]): HostCheck {
  const allowed = new Set([
    'localhost',
    ...allowedHosts,
    ...allowedOrigins.map((origin) => new URL(origin).hostname),
  ]);
  return (hostHeader) => {
    const hostName = hostHeader === undefined ? undefined : hostNameOf(hostHeader);
    if (hostName === undefined) return 'The request needs a Host header naming this server.';
    if (allowed.has(hostName) || isIpAddress(hostName)) return undefined;
    // hostNameOf left only the characters a host name may have; the cap keeps the answer short.
    return `The host "${hostName.slice(0, 100)}" is not one this server answers to; list it in ALLOWED_HOSTS to allow it.`;
  };
}

/**
 * The check for HTTP. 421 Misdirected Request is the status HTTP has for "this server is not configured to
 * answer for that host"; 403 would read as "you may not", which is the Origin check's and the push token's.
 * The answer is JSON like every other refusal here, and says what to change, for an operator behind a proxy.
 */
export function refuseOtherHosts(check: HostCheck): RequestHandler {
  return (request, response, next) => {
    const refusal = check(request.headers.host);
    if (refusal === undefined) next();
    else response.status(421).json({ ok: false, error: refusal });
  };
}
