import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { readLimits } from './limits';
import { readPort } from '../shared/readPort';
import { DEFAULT_STATIC_DIRS } from './http/httpApp';
import {
  ClientNotBuiltError,
  DEV_SERVER_ASSETS,
  readPageAssets,
  type PageAssets,
} from './http/pageAssets';
import { gracefulShutdown } from './http/shutdown';
import { readSessionSecrets } from './session/secrets';

/**
 * REDIS_URL checked before node-redis sees it, which would say only "Invalid URL". The value itself is never
 * printed, as it may hold a password; its scheme is, since that is the usual slip (localhost:6379, https://…).
 */
function readRedisUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  const isRedis = url?.protocol === 'redis:' || url?.protocol === 'rediss:';
  if (isRedis && url?.hostname) return value;
  const got = !url
    ? 'is not a URL (it is not repeated here, as it may hold a password)'
    : isRedis
      ? 'has no host'
      : `starts with ${JSON.stringify(url.protocol)}`;
  throw new Error(
    `REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379; the value set ${got}.`,
  );
}

/**
 * `--dev` (npm run dev): the page names the dev server's scripts. In production the build must be there at
 * start; otherwise a missing one is said once, and the page answers with the same sentence until it is built.
 */
function pageAssets(): { assets: () => PageAssets; notBuilt?: string } {
  if (process.argv.includes('--dev')) return { assets: () => DEV_SERVER_ASSETS };
  const read = () => readPageAssets(DEFAULT_STATIC_DIRS.distDir);
  if (process.env.NODE_ENV === 'production') {
    const built = read();
    return { assets: () => built };
  }
  try {
    read();
    return { assets: read };
  } catch (error) {
    if (!(error instanceof ClientNotBuiltError)) throw error;
    return { assets: read, notBuilt: error.message };
  }
}

function main(): void {
  const port = readPort(process.env.PORT);
  const limits = readLimits(process.env);
  const secrets = readSessionSecrets(process.env);
  const { assets, notBuilt } = pageAssets();
  const { httpServer, io, adapter } = createApp({
    limits,
    redisUrl: readRedisUrl(process.env.REDIS_URL),
    pushToken: process.env.PUSH_TOKEN || undefined,
    sessionKeys: secrets.keys,
    assets,
  });
  const shutDown = gracefulShutdown(httpServer, io, console.error, limits.shutdownTimeoutMs);

  httpServer.on('error', (error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'EADDRINUSE'
        ? `port ${port} is in use by another program. Set PORT to move this server, for example PORT=${port + 1}.`
        : error.message;
    console.error(`Server could not start: ${why}`);
    process.exit(1);
  });
  httpServer.listen(port, () => {
    const { port: actual } = httpServer.address() as AddressInfo;
    console.log(`Server running at http://localhost:${actual}`);
    if (adapter.kind === 'redis') console.log('Sharing rooms through Redis (REDIS_URL).');
    if (notBuilt) console.log(notBuilt);
    if (secrets.generated) {
      console.log(
        'No SESSION_SECRET: sessions are signed with a secret made up for this run, so they end when it stops.',
      );
    }
  });

  const onSignal = (signal: NodeJS.Signals): void => {
    console.log(`${signal} received: shutting down.`);
    void shutDown().then(async (code) => {
      await adapter.close();
      process.exit(code);
    });
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
