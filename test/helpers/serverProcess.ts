import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './testServer';

export const ROOT = path.resolve(__dirname, '../..');

export interface RunningProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /**
   * Sends the signal to the process and everything it started, waits until none of them is left (SIGKILL after
   * STOP_GRACE_MS), and resolves with the process's exit code.
   */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** How long stop() waits for a process group to end by itself before it sends SIGKILL. */
export const STOP_GRACE_MS = 5_000;

/**
 * The processes of a group that are still running (Linux only: it reads /proc). A zombie does not count, though
 * kill(-group, 0) would see it, because the init process of a container may never reap the orphans it inherits.
 */
export function groupMembers(group: number): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      return []; // It exited while we looked.
    }
    // "pid (name) state ppid pgrp ...": the name may hold spaces and parentheses, so count from the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(pgrp) === group && state !== 'Z' && state !== 'X' ? [Number(entry)] : [];
  });
}

/** Whether any process of the group is still running; where there is no /proc, kill(-group, 0) answers. */
export function groupIsAlive(group: number): boolean {
  if (!fs.existsSync('/proc/self/stat')) {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  }
  return groupMembers(group).length > 0;
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // Nothing of the group is left.
  }
}

async function groupEnded(group: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (groupIsAlive(group)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

const running = new Set<RunningProcess>();

/** Stops every process this test file started and has not stopped: a failed test must not leave a server behind. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((process) => process.stop('SIGKILL')));
}

// afterAll never runs when the runner itself is stopped (a CI job cancelled, `timeout`, Ctrl-C), and a detached
// group would outlive it, still listening. So on the way out, by exit or by signal, the groups get SIGKILL at once
// (only synchronous work is possible then), and a signal then takes its usual course.
const killEveryGroup = () =>
  running.forEach(({ child }) => child.pid && signalGroup(child.pid, 'SIGKILL'));
const EXIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
const onSignal = (signal: NodeJS.Signals) => {
  killEveryGroup();
  process.kill(process.pid, signal);
};
process.once('exit', killEveryGroup);
EXIT_SIGNALS.forEach((signal) => process.once(signal, onSignal));

// Whatever a test file's outcome, every process group it started is gone before the next file runs: importing
// this helper is enough (scripts and benchmarks import it outside jest, where there is no afterAll). jest loads
// the helper afresh for each test file in the same process, so each file also takes its exit listeners away.
if (typeof afterAll === 'function') {
  afterAll(async () => {
    await stopAllProcesses();
    process.off('exit', killEveryGroup);
    EXIT_SIGNALS.forEach((signal) => process.off(signal, onSignal));
  });
}

/**
 * Runs a command (from the repository root unless `cwd` says otherwise) as the leader of a new process group, so
 * that stop() reaches whatever it starts (npm starts a shell, which starts concurrently, which starts nodemon...).
 */
export function runProcess(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): RunningProcess {
  const options: SpawnOptions = { cwd, env: { ...process.env, ...env }, detached: true };
  const child = spawn(command, args, options);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let stopped: Promise<number | null> | undefined;
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    stopped ??= (async () => {
      const group = child.pid;
      if (group) {
        signalGroup(group, signal);
        if (!(await groupEnded(group, STOP_GRACE_MS))) {
          signalGroup(group, 'SIGKILL');
          await groupEnded(group, STOP_GRACE_MS);
        }
      }
      const code = await exited;
      // A grandchild that inherited these pipes must not keep the test runner waiting on them.
      child.stdout?.destroy();
      child.stderr?.destroy();
      running.delete(started);
      return code;
    })();
    return stopped;
  };
  const started: RunningProcess = { child, output: () => output, exited, stop };
  running.add(started);
  return started;
}

export interface ServerProcess extends RunningProcess {
  port: number;
  url: string;
}

/** src/server/index.ts from its source (ts-node), resolved once it prints its address; deploy.test.ts runs the build. */
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
