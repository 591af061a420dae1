// Replays the tutorial's chapters, in order, into an empty folder, runs each chapter's check, and compares the
// result with the repository: the chapters are the only way the code could have been written, so a line of the
// repository that no chapter shows is a failure, with the difference printed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyInstall, parseInstall } from './npmInstall';
import { parseChapter, type Step } from './parseChapter';

export interface ReplayOptions {
  /** The repository whose tutorial/ is replayed and whose files the result must equal. */
  repository: string;
  log?: (line: string) => void;
  /** Leave the replayed folder in place, to look at it. */
  keep?: boolean;
  /** Write the files and run the commands but not the chapters' checks: a quick look at the final comparison. */
  skipChecks?: boolean;
  /** Stop after this chapter (its number, `07`), to see the project as a learner has it there. */
  until?: string;
}

export interface ReplayResult {
  ok: boolean;
  folder: string;
  /** What went wrong, a sentence per problem, with the differences. */
  problems: string[];
}

/** What the tutorial must reproduce: the repository's tracked files, but for its docs and its own tooling. */
export function isTaught(file: string): boolean {
  return !(
    file === 'README.md' ||
    file === 'package-lock.json' ||
    ['tutorial/', 'docs/', '.ci/', 'scripts/tutorial/'].some((prefix) => file.startsWith(prefix))
  );
}

const OUTPUT = new Set(['node_modules', 'dist', 'coverage', 'test-results']);

function filesIn(folder: string, prefix = ''): string[] {
  return fs.readdirSync(path.join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    if (OUTPUT.has(entry.name) && prefix === '') return [];
    return entry.isDirectory() ? filesIn(folder, relative) : [relative];
  });
}

// package.json is compared by content, not layout: npm writes its keys in the order commands touched them.
function normalised(file: string, text: string): string {
  if (path.basename(file) !== 'package.json') return text;
  const sortKeys = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sortKeys)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, v]) => [k, sortKeys(v)]),
          )
        : value;
  return `${JSON.stringify(sortKeys(JSON.parse(text)), null, 2)}\n`;
}

function shell(script: string, cwd: string): { ok: boolean; output: string } {
  const result = spawnSync('bash', ['-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: 10 * 60 * 1000,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

function runStep(step: Step, folder: string, repositoryPackage: Record<string, never>): void {
  switch (step.kind) {
    case 'file': {
      const target = path.join(folder, step.path);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, step.content);
      return;
    }
    case 'diff': {
      const patch = path.join(os.tmpdir(), `tutorial-${process.pid}-${step.line}.patch`);
      fs.writeFileSync(patch, step.patch);
      const applied = shell(`git apply --whitespace=nowarn ${JSON.stringify(patch)}`, folder);
      fs.rmSync(patch, { force: true });
      if (!applied.ok) throw new Error(`the diff does not apply:\n${applied.output}`);
      return;
    }
    case 'run':
      for (const command of step.script.split('\n').map((line) => line.trim())) {
        if (command === '' || command.startsWith('#')) continue;
        const install = parseInstall(command);
        if (install) {
          const file = path.join(folder, 'package.json');
          const target = JSON.parse(fs.readFileSync(file, 'utf8'));
          applyInstall(install, repositoryPackage, target);
          fs.writeFileSync(file, `${JSON.stringify(target, null, 2)}\n`);
          continue;
        }
        const ran = shell(command, folder);
        if (!ran.ok) throw new Error(`\`${command}\` failed:\n${ran.output}`);
      }
      return;
    case 'check': {
      const checked = shell(step.script, folder);
      if (!checked.ok) throw new Error(`the chapter's check failed:\n${checked.output}`);
    }
  }
}

function compare(repository: string, folder: string): string[] {
  const expected = execFileSync('git', ['ls-files'], { cwd: repository, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && isTaught(file) && fs.existsSync(path.join(repository, file)));
  const replayed = filesIn(folder);
  const problems: string[] = [];
  const missing = expected.filter((file) => !replayed.includes(file));
  const extra = replayed.filter((file) => !expected.includes(file));
  if (missing.length)
    problems.push(
      `No chapter writes ${missing.length} file(s) of the repository:\n  ${missing.join('\n  ')}`,
    );
  if (extra.length)
    problems.push(
      `The chapters write ${extra.length} file(s) the repository does not have:\n  ${extra.join('\n  ')}`,
    );
  for (const file of expected.filter((f) => replayed.includes(f))) {
    const want = normalised(file, fs.readFileSync(path.join(repository, file), 'utf8'));
    const got = normalised(file, fs.readFileSync(path.join(folder, file), 'utf8'));
    if (want === got) continue;
    const a = path.join(os.tmpdir(), `want-${process.pid}`);
    const b = path.join(os.tmpdir(), `got-${process.pid}`);
    fs.writeFileSync(a, want);
    fs.writeFileSync(b, got);
    const diff = spawnSync('git', ['diff', '--no-index', '--no-color', a, b], {
      encoding: 'utf8',
    }).stdout;
    fs.rmSync(a);
    fs.rmSync(b);
    problems.push(
      `${file} differs from what the chapters write (- repository, + chapters):\n${diff.split('\n').slice(4, 40).join('\n')}`,
    );
  }
  return problems;
}

export function replayTutorial({
  repository,
  log = () => undefined,
  keep = false,
  skipChecks = false,
  until,
}: ReplayOptions): ReplayResult {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-replay-'));
  // Installing is checked, not done: the replay borrows the repository's node_modules.
  fs.symlinkSync(path.join(repository, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  const repositoryPackage = JSON.parse(
    fs.readFileSync(path.join(repository, 'package.json'), 'utf8'),
  );
  const tutorial = path.join(repository, 'tutorial');
  const chapters = fs
    .readdirSync(tutorial)
    .filter((name) => /^\d\d-/.test(name) && (until === undefined || name.slice(0, 2) <= until))
    .sort();
  const problems: string[] = [];

  for (const chapter of chapters) {
    const started = Date.now();
    const steps = parseChapter(fs.readFileSync(path.join(tutorial, chapter, 'README.md'), 'utf8'));
    // A chapter's checks run once everything it writes is in place, wherever the text shows them.
    const ordered = [
      ...steps.filter((s) => s.kind !== 'check'),
      ...(skipChecks ? [] : steps.filter((s) => s.kind === 'check')),
    ];
    try {
      ordered.forEach((step) => {
        try {
          runStep(step, folder, repositoryPackage);
        } catch (error) {
          throw new Error(
            `tutorial/${chapter}/README.md line ${step.line}: ${(error as Error).message}`,
            { cause: error },
          );
        }
      });
    } catch (error) {
      problems.push((error as Error).message);
      break;
    }
    const checks = steps.filter((s) => s.kind === 'check').length;
    log(
      `${chapter}: ${steps.length - checks} steps, ${skipChecks ? 'checks skipped' : `${checks} check(s) passed`} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  if (problems.length === 0 && until === undefined) problems.push(...compare(repository, folder));
  if (!keep) fs.rmSync(folder, { recursive: true, force: true });
  return { ok: problems.length === 0, folder, problems };
}
