import helmet from 'helmet';

/**
 * The browser-side limits, on every answer Express gives. The page is one HTML file that loads one bundle and
 * one stylesheet from /static and opens its socket to its own origin, so default-src 'self' covers it all
 * (scripts, styles, images, connect-src for the socket: 'self' matches ws:// to the same host) and, naming no
 * 'unsafe-inline', refuses an injected <script>, onclick="…", <style> or style="…". The development build
 * needs nothing more (webpack.config.ts picks source maps without eval), so the policy is the same in both and
 * a violation shows up while developing. The rest are the directives that do not fall back to default-src.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  objectSrc: ["'none'"],
  // No <base> moves the bundle's relative URLs, and forms post only here.
  baseUri: ["'none'"],
  formAction: ["'self'"],
  // No other page may frame this one (clickjacking); X-Frame-Options says the same to older browsers.
  frameAncestors: ["'none'"],
};

// helmet's other defaults stay: nosniff, Referrer-Policy: no-referrer, Cross-Origin-Opener/Resource-Policy:
// same-origin, Origin-Agent-Cluster... Left out: upgrade-insecure-requests, which would send the page's
// requests to https:// on a LAN address where this server speaks plain HTTP, and Strict-Transport-Security,
// which this server, never serving HTTPS itself, leaves to whatever terminates TLS in front of it.
export const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  strictTransportSecurity: false,
  xFrameOptions: { action: 'deny' },
});
