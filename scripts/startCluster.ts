// npm run start:cluster [-- --processes N] [-- --skip-build]
// Starts N server processes on consecutive ports from PORT (8000), sharing rooms through Redis: REDIS_URL when
// set, else a redis-server of its own on a free port. Ctrl-C stops them all. A way to see scale-out on one
// machine; in production a load balancer sits in front (README: "Scaling out").
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { readInteger } from '../src/shared/readInteger';
import { readPort } from '../src/shared/readPort';
import { freePort, redisServerArgs } from './localServices';

const ROOT = path.resolve(__dirname, '..');

function readProcesses(args: string[]): number {
  const index = args.indexOf('--processes');
  const bounds = { min: 1, max: 16 };
  if (index === -1) return readInteger(process.env.CLUSTER_SIZE, 'CLUSTER_SIZE', 2, bounds);
  const value = args[index + 1];
  // A flag with nothing after it is a mistake, not a request for the default.
  if (!value) throw new Error('--processes needs a whole number from 1 to 16.');
  return readInteger(value, '--processes', 2, bounds);
}

/** Runs a child with its output prefixed, so N servers in one terminal stay readable. */
function run(
  label: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((line) => console.log(`[${label}] ${line}`));
  child.stdout?.on('data', prefix);
  child.stderr?.on('data', prefix);
  return child;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const processes = readProcesses(args);
  const basePort = readPort(process.env.PORT);
  const children: ChildProcess[] = [];

  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    if (spawnSync('redis-server', ['--version']).status !== 0) {
      throw new Error(
        'No REDIS_URL and no redis-server on PATH: apt-get install redis-server, or set REDIS_URL.',
      );
    }
    const port = await freePort();
    children.push(run('redis', 'redis-server', redisServerArgs(port)));
    redisUrl = `redis://127.0.0.1:${port}`;
  }

  if (!args.includes('--skip-build')) {
    const build = spawnSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('The client build failed.');
  }

  // Every process must sign sessions with the same secret, or a browser moved to another process would be
  // refused there. Without SESSION_SECRET, one is made up for this cluster's run.
  const sessionSecret = process.env.SESSION_SECRET || crypto.randomBytes(32).toString('base64url');
  for (let i = 0; i < processes; i += 1) {
    const port = String(basePort + i);
    children.push(
      run(`server ${port}`, process.execPath, ['-r', 'ts-node/register', 'src/server/index.ts'], {
        PORT: port,
        REDIS_URL: redisUrl,
        SESSION_SECRET: sessionSecret,
      }),
    );
  }
  console.log(
    `Cluster of ${processes} on ports ${basePort}-${basePort + processes - 1}, sharing rooms through ${redisUrl}. Ctrl-C stops it.`,
  );

  const stop = () => children.forEach((child) => child.kill('SIGTERM'));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
