import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { waitFor } from './testServer';

export const ROOT = path.resolve(__dirname, '../..');

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Sends the signal to the process and all it started, then waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const running = new Set<RunningProcess>();

/** Stops every process this test file started and has not stopped: a failed test must not leave a server behind. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((process) => process.stop('SIGKILL')));
}

/** Runs a command from the repository root in its own process group, so stop() also ends what it started. */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): RunningProcess {
  const options: SpawnOptions = { cwd: ROOT, env: { ...process.env, ...env }, detached: true };
  const child = spawn(command, args, options);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // Already gone between the check and the kill.
      }
    }
    return exited;
  };
  const started: RunningProcess = { child, output: () => output, exited, stop };
  running.add(started);
  void exited.then(() => running.delete(started));
  return started;
}

export interface ServerProcess extends RunningProcess {
  port: number;
  url: string;
}

/** src/server/index.ts as `npm start` runs it, resolved once it prints its address. */
export async function startServerProcess(
  port = 0,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const server = runProcess(process.execPath, ['-r', 'ts-node/register', 'src/server/index.ts'], {
    PORT: String(port),
    ...env,
  });
  const address = /Server running at http:\/\/localhost:(\d+)/;
  await waitFor(
    () => address.test(server.output()) || server.child.exitCode !== null,
    'the server to start',
    20_000,
  );
  const match = address.exec(server.output());
  if (!match) throw new Error(`The server did not start:\n${server.output()}`);
  const actual = Number(match[1]);
  return { ...server, port: actual, url: `http://localhost:${actual}` };
}

export { freePort } from '../../scripts/localServices';
