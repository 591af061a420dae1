import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freePort, runProcess } from '../helpers/serverProcess';
import { waitFor } from '../helpers/testServer';
import { describeInBrowser, HELLO_LINES, launchChromium, openPage } from './browser';

/** The commands of a shell recipe: its lines without comments, blank lines or `set -e`. */
const commandsOf = (script: string): string[] =>
  script
    .split('\n')
    .map((line) => line.replace(/(^|\s+)#.*$/, '').trim())
    .filter((line) => line !== '' && line !== 'set -e');

/** scripts/deploy.sh, which README's "Deploy" shows. */
function deployRecipe(): string[] {
  const commands = commandsOf(fs.readFileSync(path.join(ROOT, 'scripts', 'deploy.sh'), 'utf8'));
  // The tutorial's folder has no README.md; this repository's must show the recipe as it is.
  const readme = path.join(ROOT, 'README.md');
  if (fs.existsSync(readme)) {
    const text = fs.readFileSync(readme, 'utf8');
    const shown = /```sh\n([\s\S]*?)```/.exec(text.slice(text.indexOf('\n## Deploy')))?.[1] ?? '';
    expect(commandsOf(shown)).toEqual(commands);
  }
  return commands;
}

// What a fresh clone lacks: what installing, building and testing make (see .gitignore), and git's own folder.
const NOT_IN_A_CLONE = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  'test-results',
  '.git',
]);

/** A fresh clone of this working tree as it is now, nothing installed or built (a tutorial folder has no git). */
function copyOfWorkingTree(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-deploy-'));
  fs.cpSync(ROOT, folder, {
    recursive: true,
    filter: (source) => {
      const relative = path.relative(ROOT, source);
      return relative === '' || !NOT_IN_A_CLONE.has(relative.split(path.sep)[0]);
    },
  });
  return folder;
}

const sizeOf = (folder: string): number =>
  Number(execFileSync('du', ['-sk', folder]).toString().split('\t')[0]) * 1024;

describeInBrowser('the deploy recipe (scripts/deploy.sh), followed on a fresh copy', () => {
  let folder: string;
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('installs, builds, prunes the dev dependencies, starts with plain node, and serves the page', async () => {
    folder = copyOfWorkingTree();
    const commands = deployRecipe();
    const start = commands.at(-1) ?? '';
    expect(start).toMatch(/\bnode build\/server\/index\.js$/);

    let installed = 0;
    for (const command of commands.slice(0, -1)) {
      execFileSync('sh', ['-c', command], { cwd: folder, stdio: 'pipe', env: { ...process.env } });
      if (command.startsWith('npm ci')) installed = sizeOf(path.join(folder, 'node_modules'));
    }
    const pruned = sizeOf(path.join(folder, 'node_modules'));
    // What pruning took away: the compilers and test tools are gone, the server's packages are there.
    expect(fs.existsSync(path.join(folder, 'node_modules', 'typescript'))).toBe(false);
    expect(fs.existsSync(path.join(folder, 'node_modules', 'webpack'))).toBe(false);
    expect(fs.existsSync(path.join(folder, 'node_modules', 'socket.io'))).toBe(true);
    expect(pruned).toBeLessThan(installed / 2);
    console.log(
      `[deploy] node_modules: ${(installed / 2 ** 20).toFixed(0)} MiB installed, ${(pruned / 2 ** 20).toFixed(0)} MiB after pruning.`,
    );

    const port = await freePort();
    const server = runProcess(
      'sh',
      ['-c', start],
      { PORT: String(port), SESSION_SECRET: crypto.randomBytes(32).toString('base64url') },
      folder,
    );
    const browser = await launchChromium();
    try {
      await waitFor(
        () => server.output().includes('Server running at') || server.child.exitCode !== null,
        'the server to start',
        20_000,
      );
      expect(server.output()).toContain(`Server running at http://localhost:${port}`);

      const tab = await openPage(browser, `http://localhost:${port}`);
      await tab.waitForLine(HELLO_LINES[2]);
      expect(tab.socketLines().filter((line) => HELLO_LINES.includes(line))).toEqual(HELLO_LINES);
      expect(tab.errors).toEqual([]);
      expect(tab.failedRequests).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
    }
  }, 300_000);
});
