import fs from 'node:fs';
import path from 'node:path';
import { groupIsAlive, ROOT, runProcess, stopAllProcesses, STOP_GRACE_MS } from './serverProcess';
import { waitFor } from './testServer';

// A child that starts a grandchild which ignores SIGTERM and holds the same stdout, as `npm run dev` starts
// concurrently, nodemon and the server. The grandchild prints its pid once its SIGTERM handler is in place.
const PARENT_OF_A_STUBBORN_CHILD = `
  const { spawn } = require('node:child_process');
  const grandchild = spawn(process.execPath, ['-e', \`
    process.on('SIGTERM', () => console.log('grandchild ignores SIGTERM'));
    console.log('grandchild ' + process.pid);
    setInterval(() => {}, 1000);
  \`], { stdio: 'inherit' });
  setInterval(() => {}, 1000);
`;

/** Whether the process runs; a zombie (exited, not yet reaped) does not. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

async function startStubbornFamily() {
  const family = runProcess(process.execPath, ['-e', PARENT_OF_A_STUBBORN_CHILD]);
  const started = /grandchild (\d+)/;
  await waitFor(() => started.test(family.output()), 'the child and grandchild to start', 20_000);
  const grandchild = Number(started.exec(family.output())?.[1]);
  return { family, grandchild };
}

describe('runProcess', () => {
  it('stops a grandchild that ignores SIGTERM, with SIGKILL after the grace period', async () => {
    const { family, grandchild } = await startStubbornFamily();
    const started = Date.now();

    await family.stop('SIGTERM');

    expect(family.output()).toContain('grandchild ignores SIGTERM');
    expect(Date.now() - started).toBeGreaterThanOrEqual(STOP_GRACE_MS);
    expect(groupIsAlive(family.child.pid ?? 0)).toBe(false);
    expect(family.child.stdout?.destroyed).toBe(true);
    expect(isRunning(grandchild)).toBe(false);
  });

  it('stops what is left of a group whose leader already exited', async () => {
    const { family, grandchild } = await startStubbornFamily();
    process.kill(family.child.pid ?? 0, 'SIGKILL');
    await family.exited;
    expect(groupIsAlive(family.child.pid ?? 0)).toBe(true);

    await stopAllProcesses();

    expect(groupIsAlive(family.child.pid ?? 0)).toBe(false);
    expect(isRunning(grandchild)).toBe(false);
  });
});

// A test runner that starts a stubborn family through the helper and is then stopped by a signal, as a cancelled
// CI job stops jest: no afterAll runs, yet nothing of the family may outlive it.
const RUNNER_STOPPED_MID_TEST = `
  const { runProcess } = require(${JSON.stringify(path.join(ROOT, 'test/helpers/serverProcess.ts'))});
  const family = runProcess(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  console.log('group ' + family.child.pid);
  setInterval(() => {}, 1000);
`;

describe('a test runner stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'takes every group it started with it on %s',
    async (signal) => {
      const runner = runProcess(process.execPath, [
        '-r',
        'ts-node/register',
        '-e',
        RUNNER_STOPPED_MID_TEST,
      ]);
      const started = /group (\d+)/;
      await waitFor(() => started.test(runner.output()), 'the runner to start its group', 20_000);
      const group = Number(started.exec(runner.output())?.[1]);
      expect(groupIsAlive(group)).toBe(true);

      try {
        process.kill(runner.child.pid ?? 0, signal);
        await runner.exited;

        await waitFor(() => !groupIsAlive(group), 'the group to be gone', 2_000);
      } finally {
        if (groupIsAlive(group)) process.kill(-group, 'SIGKILL'); // when it fails, it leaves nothing either
      }
    },
  );
});
