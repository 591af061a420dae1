import fs from 'node:fs';
import { groupIsAlive, runProcess, stopAllProcesses, STOP_GRACE_MS } from './serverProcess';
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
