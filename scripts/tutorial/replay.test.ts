import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isTaught, replayTutorial } from './replay';

const fence = '```';

/** A small repository with a two-chapter tutorial that rebuilds it; tests then break one thing each. */
function fixture(): string {
  const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-fixture-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
    fs.writeFileSync(path.join(repository, file), text);
  };
  write(
    'package.json',
    `${JSON.stringify({ name: 'demo', dependencies: { leftpad: '^1.0.0' } }, null, 2)}\n`,
  );
  write('src/greet.ts', 'export const greet = (name: string) => `Hello, ${name}!`;\n');
  write('README.md', 'Not taught: documentation.\n');
  write(
    'tutorial/01-start/README.md',
    [
      '# Start',
      `${fence}json file=package.json`,
      '{ "name": "demo" }',
      fence,
      `${fence}sh run`,
      'npm install leftpad',
      'mkdir -p src',
      fence,
      `${fence}ts file=src/greet.ts`,
      'export const greet = (name: string) => `Hi, ${name}!`;',
      fence,
      `${fence}sh check`,
      'grep -q Hi src/greet.ts',
      fence,
      `${fence}sh`,
      'npm start   # illustration only: never run',
      fence,
    ].join('\n'),
  );
  write(
    'tutorial/02-polish/README.md',
    [
      '# Polish',
      `${fence}diff`,
      '--- a/src/greet.ts',
      '+++ b/src/greet.ts',
      '@@ -1 +1 @@',
      '-export const greet = (name: string) => `Hi, ${name}!`;',
      '+export const greet = (name: string) => `Hello, ${name}!`;',
      fence,
    ].join('\n'),
  );
  fs.mkdirSync(path.join(repository, 'node_modules'));
  execFileSync('git', ['init', '-q'], { cwd: repository });
  execFileSync('git', ['add', '-A'], { cwd: repository });
  return repository;
}

const edit = (repository: string, file: string, from: string, to: string) => {
  const target = path.join(repository, file);
  fs.writeFileSync(target, fs.readFileSync(target, 'utf8').replace(from, to));
};

describe('replayTutorial', () => {
  let repository: string;
  beforeEach(() => (repository = fixture()));
  afterEach(() => fs.rmSync(repository, { recursive: true, force: true }));

  it('rebuilds the repository from its chapters: files, commands, installs, diffs and checks', () => {
    const lines: string[] = [];
    const result = replayTutorial({ repository, log: (line) => lines.push(line) });

    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(lines).toEqual([
      expect.stringMatching(/^01-start: 3 steps, 1 check\(s\) passed/),
      expect.stringMatching(/^02-polish: 1 steps, 0 check\(s\) passed/),
    ]);
  });

  it('fails on a line of the repository that no chapter shows, and shows the difference', () => {
    edit(repository, 'src/greet.ts', 'Hello', 'Howdy');

    const result = replayTutorial({ repository });

    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(
      /src\/greet\.ts differs[\s\S]*-export const greet = \(name: string\) => `Howdy/,
    );
  });

  it('fails on a file no chapter writes', () => {
    fs.writeFileSync(path.join(repository, 'src/extra.ts'), 'export {};\n');
    execFileSync('git', ['add', '-A'], { cwd: repository });

    expect(replayTutorial({ repository }).problems.join('\n')).toContain(
      'No chapter writes 1 file(s) of the repository:\n  src/extra.ts',
    );
  });

  it('fails on a diff that does not apply, naming the chapter and line', () => {
    edit(
      repository,
      'tutorial/02-polish/README.md',
      '-export const greet = (name: string) => `Hi',
      '-export const greet = (name: string) => `Yo',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(/^tutorial\/02-polish\/README\.md line 2: the diff does not apply/);
  });

  it('fails when a chapter installs a package the repository does not depend on', () => {
    edit(
      repository,
      'tutorial/01-start/README.md',
      'npm install leftpad',
      'npm install -D leftpad',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toContain(
      "installs leftpad, which is not in the repository's devDependencies (it is in dependencies: check the -D flag)",
    );
  });

  it("fails when a chapter's check fails, with its output", () => {
    edit(
      repository,
      'tutorial/01-start/README.md',
      'grep -q Hi src/greet.ts',
      'grep -q Bonjour src/greet.ts',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(/^tutorial\/01-start\/README\.md line 12: the chapter's check failed/);
  });
});

describe('isTaught', () => {
  it.each([
    'src/server/app.ts',
    'package.json',
    'test/e2e/page.test.ts',
    'public/style.css',
    '.gitignore',
  ])('teaches %s', (file) => expect(isTaught(file)).toBe(true));
  it.each([
    'README.md',
    'package-lock.json',
    'tutorial/01-x/README.md',
    'docs/screenshot.png',
    '.ci/run',
    'scripts/tutorial/replay.ts',
  ])('leaves out %s', (file) => expect(isTaught(file)).toBe(false));
});
