import { spawnSync } from 'node:child_process';
import { redisServerArgs } from '../../scripts/localServices';
import { freePort, runProcess, type RunningProcess } from './serverProcess';
import { waitFor } from './testServer';

export const hasRedis = spawnSync('redis-server', ['--version']).status === 0;

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port, as after a crash or a maintenance restart. */
  restart(): Promise<void>;
  /**
   * Freezes it (SIGSTOP): its sockets stay open and take what is written, and nothing answers, as when a host
   * stalls. resume() (SIGCONT) lets it go on; stop() resumes it first, so a test that fails while it is frozen
   * still ends it.
   */
  pause(): void;
  resume(): void;
}

export interface RedisOptions {
  /** Makes it refuse every command until AUTH with this password (`--requirepass`). */
  password?: string;
}

function launch(port: number, { password }: RedisOptions): RunningProcess {
  // No persistence: each test starts from an empty Redis and leaves nothing on disk.
  const extra = password === undefined ? [] : ['--requirepass', password];
  return runProcess('redis-server', [...redisServerArgs(port), ...extra]);
}

async function started(process: RunningProcess): Promise<void> {
  await waitFor(
    () => /Ready to accept connections/.test(process.output()),
    'redis-server to start',
    10_000,
  );
}

function signal({ child }: RunningProcess, name: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
}

/** A real redis-server on a free loopback port, for this test file alone. */
export async function startRedis(options: RedisOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let process = launch(port, options);
  await started(process);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      signal(process, 'SIGCONT'); // a frozen redis-server would hold SIGTERM until STOP_GRACE_MS ran out
      await process.stop();
    },
    restart: async () => {
      process = launch(port, options);
      await started(process);
    },
    pause: () => signal(process, 'SIGSTOP'),
    resume: () => signal(process, 'SIGCONT'),
  };
}
