import path from 'node:path';
import compression from 'compression';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { STATIC_PATH } from '../../shared/config';
import { createHostCheck, refuseOtherHosts, type HostCheck } from './allowedHosts';
import { ClientNotBuiltError, readPageAssets, type PageAssets } from './pageAssets';
import { renderPage } from './renderPage';
import { securityHeaders } from './securityHeaders';

export interface StaticDirs {
  /** webpack's output: the bundle's chunks and the manifest naming them. */
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
  /**
   * The scripts the page names; read from the build in distDir when omitted. Asked again on each page request
   * until it succeeds, so a server started before `npm run build` serves the page once the build is there.
   */
  assets?: () => PageAssets;
}

const notFound: RequestHandler = (_req, res) => {
  res.status(404).type('text').send('Not found');
};

/** A year: the longest lifetime HTTP caches are asked to honour. */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export function createHttpApp(
  dirs: StaticDirs = DEFAULT_STATIC_DIRS,
  {
    health,
    api = [],
    hostCheck = createHostCheck([], []),
    pageSession = [],
    trustProxy = () => false,
    assets = () => readPageAssets(dirs.distDir),
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

  let page: string | undefined;
  // private: the answer may set this visitor's session cookie, which no shared cache may hand to another.
  // no-cache: the page names this build's chunks, so a browser asks for it again after every deploy.
  app.get('/', ...pageSession, (_req, res) => {
    try {
      page ??= renderPage(assets());
    } catch (error) {
      if (!(error instanceof ClientNotBuiltError)) throw error;
      res.status(503).set('Cache-Control', 'no-store').type('text').send(error.message);
      return;
    }
    res.set('Cache-Control', 'private, no-cache').type('html').send(page);
  });
  if (health) {
    app.get('/healthz', (_req, res) => {
      res.set('Cache-Control', 'no-store').json(health());
    });
  }
  for (const router of api) app.use(router);
  // dotfiles are refused and paths cannot climb out of either folder: serve-static checks both.
  // The chunks' names change with their content, so a browser may keep each one for a year without asking.
  // Their source maps stay on disk: the public gets the code, not the sources (webpack.config.ts).
  app.use(`${STATIC_PATH}/js`, (req, res, next) => {
    if (req.path.endsWith('.map')) notFound(req, res, next);
    else next();
  });
  app.use(
    `${STATIC_PATH}/js`,
    express.static(path.join(dirs.distDir, 'js'), {
      dotfiles: 'ignore',
      index: false,
      immutable: true,
      maxAge: ONE_YEAR_SECONDS * 1000,
    }),
  );
  app.use(STATIC_PATH, express.static(dirs.publicDir, { dotfiles: 'ignore', index: false }));
  app.use(notFound);
  app.use(answerError);
  return app;
}
