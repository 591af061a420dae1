import path from 'node:path';
import compression from 'compression';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { STATIC_PATH } from '../../shared/config';
import { createHostCheck, refuseOtherHosts, type HostCheck } from './allowedHosts';
import { renderPage } from './renderPage';
import { securityHeaders } from './securityHeaders';

export interface StaticDirs {
  /** webpack's output: the bundle. */
  distDir: string;
  /** Files served as they are: favicon, styles. */
  publicDir: string;
}

const ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_STATIC_DIRS: StaticDirs = {
  distDir: path.join(ROOT, 'dist'),
  publicDir: path.join(ROOT, 'public'),
};

// An error a handler passes on (a Range past the end of a file: 416; a bug: 500) gets a short plain-text
// answer: Express's default would echo a stack trace outside production.
const answerError: ErrorRequestHandler = (error: { status?: number }, _req, res, _next) => {
  const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500;
  res
    .status(status)
    .type('text')
    .send(status === 500 ? 'Internal error' : 'Bad request');
};

export interface Routes {
  /** Answers GET /healthz; the app factory passes one that reads the live server. */
  health?: () => object;
  /** Routes under /api, such as POST /api/push and /api/session. */
  api?: express.Router[];
  /** Which Host headers are answered; localhost and IP addresses only when omitted. */
  hostCheck?: HostCheck;
  /** Run before the page is sent: reading, or starting, the visitor's session. */
  pageSession?: RequestHandler[];
  /** Which proxies' X-Forwarded-* headers to believe (TRUST_PROXY): `req.secure` follows it. */
  trustProxy?: (address: string, hop: number) => boolean;
}

export function createHttpApp(
  dirs: StaticDirs = DEFAULT_STATIC_DIRS,
  {
    health,
    api = [],
    hostCheck = createHostCheck([], []),
    pageSession = [],
    trustProxy = () => false,
  }: Routes = {},
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating proxy, X-Forwarded-Proto says https: the session cookie is then marked Secure.
  app.set('trust proxy', trustProxy);
  // First, so that every answer carries them, a refusal included.
  app.use(securityHeaders);
  app.use(refuseOtherHosts(hostCheck));
  // threshold 0: the page is smaller than compression's 1 KiB default, and it should be gzipped like the bundle.
  app.use(compression({ threshold: 0 }));

  const page = renderPage();
  // private: the answer may set this visitor's session cookie, which no shared cache may hand to another.
  app.get('/', ...pageSession, (_req, res) => {
    res.set('Cache-Control', 'private, no-cache').type('html').send(page);
  });
  if (health) {
    app.get('/healthz', (_req, res) => {
      res.set('Cache-Control', 'no-store').json(health());
    });
  }
  for (const router of api) app.use(router);
  // dotfiles are refused and paths cannot climb out of either folder: serve-static checks both.
  app.use(
    STATIC_PATH,
    express.static(dirs.distDir, { dotfiles: 'ignore', index: false }),
    express.static(dirs.publicDir, { dotfiles: 'ignore', index: false }),
  );
  app.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });
  app.use(answerError);
  return app;
}
