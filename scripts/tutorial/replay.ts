// Replays the tutorial's chapters, in order, into an empty folder, runs each chapter's check, and compares the
// result with the repository: the chapters are the only way the code could have been written, so a line of the
// repository that no chapter shows is a failure, with the difference printed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TIME_LINE, chapterTableIsCurrent, timeLine, measureChapter } from './estimate';
import { applyInstall, installCommand, parseInstall } from './npmInstall';
import { excerptMissing, inOrder, parseChapter, type Step } from './parseChapter';

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
  /** Borrow the repository's node_modules instead of installing what each chapter installs: a quick look. */
  linkModules?: boolean;
  /** Save the pages that `shot=` blocks name into the chapter folders. */
  screenshots?: boolean;
  /**
   * Write the files and run the commands, and check nothing (no checks, outputs, excerpts, times or final
   * comparison), calling `beforeStep` before each step: how tutorial:sync sees what the chapters build.
   */
  onlyWrite?: { beforeStep: (step: Step, chapter: string, folder: string) => void };
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

// What installing, building and testing make (as .gitignore lists): never compared.
const OUTPUT = new Set(['node_modules', 'dist', 'build', 'coverage', 'test-results']);

export function filesIn(folder: string, prefix = ''): string[] {
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
    maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

interface Context {
  folder: string;
  repository: string;
  repositoryPackage: Record<string, never>;
  linkModules: boolean;
  /** What each run or check block printed, by its line. */
  outputs: Map<number, string>;
}

function runStep(step: Step, context: Context): void {
  const { folder } = context;
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
    case 'run': {
      const printed: string[] = [];
      for (const command of step.script.split('\n').map((line) => line.trim())) {
        if (command === '' || command.startsWith('#')) continue;
        const install = parseInstall(command);
        if (install) {
          const file = path.join(folder, 'package.json');
          const target = JSON.parse(fs.readFileSync(file, 'utf8'));
          applyInstall(install, context.repositoryPackage, target);
          if (context.linkModules) {
            fs.writeFileSync(file, `${JSON.stringify(target, null, 2)}\n`);
            continue;
          }
          // The repository's lockfile, copied before each install, keeps the versions the repository was
          // tested with; npm prunes it to what this chapter's package.json needs.
          const lockfile = path.join(context.repository, 'package-lock.json');
          if (fs.existsSync(lockfile))
            fs.copyFileSync(lockfile, path.join(folder, 'package-lock.json'));
          const installed = shell(installCommand(install, context.repositoryPackage), folder);
          if (!installed.ok) throw new Error(`\`${command}\` failed:\n${installed.output}`);
          // npm writes `^5.9.3` for a pinned `5.9.3`: keep the repository's range as it is written there.
          const written = JSON.parse(fs.readFileSync(file, 'utf8'));
          const section = install.dev ? 'devDependencies' : 'dependencies';
          written[section] = { ...written[section], ...target[section] };
          fs.writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
          printed.push(installed.output);
          continue;
        }
        const ran = shell(command, folder);
        printed.push(ran.output);
        if (!ran.ok) throw new Error(`\`${command}\` failed:\n${ran.output}`);
      }
      context.outputs.set(step.line, printed.join('\n'));
      return;
    }
    case 'check': {
      const checked = shell(step.script, folder);
      context.outputs.set(step.line, checked.output);
      if (!checked.ok) throw new Error(`the chapter's check failed:\n${checked.output}`);
      return;
    }
    case 'output': {
      const printed = context.outputs.get(step.of);
      if (printed === undefined) return; // its command did not run (checks skipped)
      const found = inOrder(
        step.expected,
        printed.split('\n').map((line) => line.trim()),
      );
      if (!found.ok)
        throw new Error(
          `the text says the command at line ${step.of} prints "${found.missing}", but it printed:\n${printed.split('\n').slice(-40).join('\n')}`,
        );
      return;
    }
    case 'excerpt': {
      const target = path.join(folder, step.path);
      if (!fs.existsSync(target)) throw new Error(`the excerpt's file ${step.path} does not exist`);
      const missing = excerptMissing(step.pieces, fs.readFileSync(target, 'utf8'));
      if (missing)
        throw new Error(
          `the excerpt is not in ${step.path} as the chapter leaves it; these lines are not found together:\n${missing.slice(0, 8).join('\n')}`,
        );
      return;
    }
    case 'browser':
      return; // run by browserCheck, after the checks
  }
}

function compare(repository: string, folder: string): string[] {
  const expected = execFileSync('git', ['ls-files'], { cwd: repository, encoding: 'utf8' })
    .split('\n')
    .filter((file) => file && isTaught(file) && fs.existsSync(path.join(repository, file)));
  const replayed = filesIn(folder).filter(isTaught);
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

/** Runs a console or page block in its own process: the browser needs async code, the replay is synchronous. */
function runBrowserStep(
  step: Extract<Step, { kind: 'browser' }>,
  folder: string,
  shotTo: string | undefined,
): void {
  const checker = path.join(__dirname, 'browserCheck.ts');
  const result = spawnSync(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      checker,
      JSON.stringify({ ...step, folder, shotTo }),
    ],
    { encoding: 'utf8', timeout: 5 * 60 * 1000, env: { ...process.env, CI: 'true' } },
  );
  if (result.status !== 0)
    throw new Error(
      `${step.show} check (npm run ${step.script}) failed:\n${`${result.stdout}${result.stderr}`.trim()}`,
    );
}

/** The stated time must be the one computed from the chapter's length, so that it stays honest as the text changes. */
function timeProblem(markdown: string): string | undefined {
  const stated = TIME_LINE.exec(markdown)?.[0];
  const computed = timeLine(measureChapter(markdown.replace(TIME_LINE, '**Time:**')));
  if (stated === computed) return undefined;
  return `its time line should read (run \`npm run tutorial:times\` to write it):\n${computed}${stated ? `\nnot:\n${stated}` : ''}`;
}

export function replayTutorial({
  repository,
  log = () => undefined,
  keep = false,
  skipChecks = false,
  until,
  linkModules = false,
  screenshots = false,
  onlyWrite,
}: ReplayOptions): ReplayResult {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-replay-'));
  // A quick look borrows the repository's node_modules; otherwise each chapter installs what it says, for real.
  if (linkModules || onlyWrite)
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
  const context: Context = {
    folder,
    repository,
    repositoryPackage,
    linkModules,
    outputs: new Map(),
  };

  for (const chapter of chapters) {
    const started = Date.now();
    const markdown = fs.readFileSync(path.join(tutorial, chapter, 'README.md'), 'utf8');
    const steps = parseChapter(markdown);
    const of = (...kinds: Step['kind'][]) => steps.filter((s) => kinds.includes(s.kind));
    // A chapter's checks run once everything it writes is in place, wherever the text shows them; what the text
    // says they print, the excerpts of its final files and the page are checked after them.
    const ordered = onlyWrite
      ? of('file', 'diff', 'run')
      : [
          ...of('file', 'diff', 'run'),
          ...(skipChecks ? [] : of('check')),
          ...of('output', 'excerpt'),
          ...(skipChecks ? [] : of('browser')),
        ];
    try {
      const time = onlyWrite ? undefined : timeProblem(markdown);
      if (time) throw new Error(`tutorial/${chapter}/README.md: ${time}`);
      ordered.forEach((step) => {
        try {
          onlyWrite?.beforeStep(step, chapter, folder);
          if (step.kind === 'browser')
            runBrowserStep(
              step,
              folder,
              screenshots && step.shot ? path.join(tutorial, chapter, step.shot) : undefined,
            );
          else runStep(step, context);
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
    const checks = of('check').length;
    const pages = of('browser').length;
    log(
      `${chapter}: ${steps.length - checks - pages} steps, ${skipChecks ? 'checks skipped' : `${checks} check(s) and ${pages} page(s) passed`} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  if (problems.length === 0 && until === undefined && !onlyWrite) {
    const index = path.join(tutorial, 'README.md');
    if (fs.existsSync(index) && !chapterTableIsCurrent(fs.readFileSync(index, 'utf8'), tutorial))
      problems.push(
        'tutorial/README.md: its table of chapters is not the one their titles and times give (run `npm run tutorial:times`).',
      );
    problems.push(...compare(repository, folder));
  }
  if (!keep) fs.rmSync(folder, { recursive: true, force: true });
  return { ok: problems.length === 0, folder, problems };
}
