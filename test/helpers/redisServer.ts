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
}

function launch(port: number): RunningProcess {
  // No persistence: each test starts from an empty Redis and leaves nothing on disk.
  return runProcess('redis-server', redisServerArgs(port));
}

async function started(process: RunningProcess): Promise<void> {
  await waitFor(
    () => /Ready to accept connections/.test(process.output()),
    'redis-server to start',
    10_000,
  );
}

/** A real redis-server on a free loopback port, for this test file alone. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let process = launch(port);
  await started(process);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      await process.stop();
    },
    restart: async () => {
      process = launch(port);
      await started(process);
    },
  };
}
