import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTimeLine } from './estimate';
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
    `${JSON.stringify({ name: 'demo', dependencies: { leftpad: 'file:vendor/leftpad' } }, null, 2)}\n`,
  );
  write('vendor/leftpad/package.json', '{ "name": "leftpad", "version": "1.0.0" }\n');
  write('src/greet.ts', 'export const greet = (name: string) => `Hello, ${name}!`;\n');
  write('README.md', 'Not taught: documentation.\n');
  // The time line goes last here so that the tests' line numbers stay put; chapters have it under the title.
  const chapter = (file: string, lines: string[]) =>
    write(file, withTimeLine([...lines, '', '**Time: about ?? minutes**', ''].join('\n')));
  chapter('tutorial/01-start/README.md', [
    '# Start',
    `${fence}json file=package.json`,
    '{ "name": "demo" }',
    fence,
    `${fence}json file=vendor/leftpad/package.json`,
    '{ "name": "leftpad", "version": "1.0.0" }',
    fence,
    `${fence}sh run`,
    'npm install leftpad',
    'mkdir -p src',
    fence,
    `${fence}ts file=src/greet.ts`,
    'export const greet = (name: string) => `Hi, ${name}!`;',
    fence,
    `${fence}sh check`,
    'grep -q Hi src/greet.ts && echo "greet says Hi"',
    fence,
    `${fence}text output`,
    'greet says Hi',
    fence,
    `${fence}sh`,
    'npm start   # illustration only: never run',
    fence,
  ]);
  chapter('tutorial/02-polish/README.md', [
    '# Polish',
    `${fence}diff`,
    '--- a/src/greet.ts',
    '+++ b/src/greet.ts',
    '@@ -1 +1 @@',
    '-export const greet = (name: string) => `Hi, ${name}!`;',
    '+export const greet = (name: string) => `Hello, ${name}!`;',
    fence,
    `${fence}ts excerpt=src/greet.ts`,
    'export const greet = (name: string) => `Hello, ${name}!`;',
    fence,
  ]);
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
      expect.stringMatching(/^01-start: 5 steps, 1 check\(s\) and 0 page\(s\) passed/),
      expect.stringMatching(/^02-polish: 2 steps, 0 check\(s\) and 0 page\(s\) passed/),
    ]);
  });

  it("installs what a chapter installs, for real, with the repository's range", () => {
    const result = replayTutorial({ repository, keep: true });
    try {
      const installed = path.join(result.folder, 'node_modules', 'leftpad', 'package.json');
      expect(JSON.parse(fs.readFileSync(installed, 'utf8')).name).toBe('leftpad');
      const written = JSON.parse(fs.readFileSync(path.join(result.folder, 'package.json'), 'utf8'));
      expect(written.dependencies).toEqual({ leftpad: 'file:vendor/leftpad' });
    } finally {
      fs.rmSync(result.folder, { recursive: true, force: true });
    }
  });

  it('fails when the text says a command prints what it does not', () => {
    edit(repository, 'tutorial/01-start/README.md', '\ngreet says Hi\n', '\ngreet says Bonjour\n');

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(
      /^tutorial\/01-start\/README\.md line 18: the text says the command at line 15 prints "greet says Bonjour", but it printed:\ngreet says Hi/,
    );
  });

  it('fails on an excerpt that the file, as the chapter leaves it, does not hold', () => {
    edit(
      repository,
      'tutorial/02-polish/README.md',
      '\nexport const greet = (name: string) => `Hello, ${name}!`;\n```\n',
      '\nexport const greet = (who: string) => `Hello, ${who}!`;\n```\n',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(
      /^tutorial\/02-polish\/README\.md line 9: the excerpt is not in src\/greet\.ts/,
    );
  });

  it("fails when a chapter's stated time is not the one its length gives", () => {
    edit(
      repository,
      'tutorial/02-polish/README.md',
      '**Time: about 5 minutes**',
      '**Time: about 1 minutes**',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(
      /^tutorial\/02-polish\/README\.md: its time line should read .*\n\*\*Time: about 5 minutes\*\* \(2 words to read, 6 lines to type, 0 folded lines to copy, 0 commands\)\./,
    );
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
      'grep -q Hi src/greet.ts &&',
      'grep -q Bonjour src/greet.ts &&',
    );

    const [problem] = replayTutorial({ repository }).problems;
    expect(problem).toMatch(/^tutorial\/01-start\/README\.md line 15: the chapter's check failed/);
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
