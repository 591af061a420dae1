import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { detachTutorial } from './detach';

const ROOT = path.resolve(__dirname, '../..');

/** The repository's files as a clone of this work tree would have them, with the real node_modules beside them. */
function copyOfTheRepository(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'detach-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && fs.existsSync(path.join(ROOT, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

describe('npm run tutorial:detach', () => {
  let copy: string;
  beforeAll(() => {
    copy = copyOfTheRepository();
  });
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('removes the tutorial, its checker, its scripts, its CI step and its README section', () => {
    const done = detachTutorial(copy);

    expect(done).toEqual([
      'removed tutorial/',
      'removed scripts/tutorial/',
      'removed the npm script tutorial:check',
      'removed the npm script tutorial:detach',
      'removed the npm script tutorial:times',
      'removed the npm script tutorial:sync',
      'removed the tutorial check from .ci/run',
      "removed the README's tutorial section",
    ]);
    expect(fs.existsSync(path.join(copy, 'tutorial'))).toBe(false);
    expect(fs.existsSync(path.join(copy, 'scripts/tutorial'))).toBe(false);
    const ci = fs.readFileSync(path.join(copy, '.ci/run'), 'utf8');
    expect(ci).not.toContain('tutorial');
    expect(ci).toContain('npm test');
    const readme = fs.readFileSync(path.join(copy, 'README.md'), 'utf8');
    expect(readme).not.toContain('tutorial:');
    expect(readme).toContain('## Development');
    expect(detachTutorial(copy)).toEqual([]);
  });

  it('leaves a project that still type-checks', () => {
    const typecheck = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '--noEmit'],
      {
        cwd: copy,
        encoding: 'utf8',
      },
    );
    expect(typecheck.stdout).toBe('');
    expect(typecheck.status).toBe(0);
  }, 60_000);
});
