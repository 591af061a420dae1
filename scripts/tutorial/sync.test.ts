import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTimeLine } from './estimate';
import { replayTutorial } from './replay';
import { chapterOfChanges, sectionFor, syncTutorial } from './sync';

const fence = '```';

/** Two chapters: the first writes two files whole, the second patches one of them and moves it. */
function fixture(): string {
  const repository = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-sync-fixture-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
    fs.writeFileSync(path.join(repository, file), text);
  };
  const lines = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, i) => `export const ${name} = ${i};`);
  const first = `${lines.join('\n')}\n`;
  const second = first.replace('f = 5', 'f = 50');
  write('package.json', '{ "name": "demo" }\n');
  write('src/config.ts', 'export const port = 8000;\n');
  write('src/lib/numbers.ts', second);
  const chapter = (file: string, lines: string[]) =>
    write(file, withTimeLine(['# Chapter', '**Time: about ?? minutes**', ...lines, ''].join('\n')));
  chapter('tutorial/01-start/README.md', [
    `${fence}json file=package.json`,
    '{ "name": "demo" }',
    fence,
    `${fence}ts file=src/config.ts`,
    'export const port = 8000;',
    fence,
    `${fence}ts file=src/numbers.ts`,
    first.trimEnd(),
    fence,
  ]);
  const patch = sectionFor('src/numbers.ts', 'src/lib/numbers.ts', first, second);
  chapter('tutorial/02-move/README.md', [`${fence}diff`, patch.trimEnd(), fence]);
  execFileSync('git', ['init', '-q'], { cwd: repository });
  execFileSync('git', ['add', '-A'], { cwd: repository });
  return repository;
}

describe('syncTutorial', () => {
  let repository: string;
  beforeEach(() => (repository = fixture()));
  afterEach(() => fs.rmSync(repository, { recursive: true, force: true }));

  it('changes nothing while the chapters rebuild the repository', () => {
    expect(replayTutorial({ repository, linkModules: true }).problems).toEqual([]);
    expect(syncTutorial(repository, () => undefined)).toBe(0);
  });

  it('rewrites the last listing of each changed file, a whole file or a diff after a move, and the replay passes', () => {
    fs.writeFileSync(path.join(repository, 'src/config.ts'), 'export const port = 9000;\n');
    fs.writeFileSync(
      path.join(repository, 'src/lib/numbers.ts'),
      `${fs.readFileSync(path.join(repository, 'src/lib/numbers.ts'), 'utf8')}export const g = 6;\n`,
    );
    expect(replayTutorial({ repository, linkModules: true }).ok).toBe(false);

    const lines: string[] = [];
    expect(syncTutorial(repository, (line) => lines.push(line))).toBe(2);

    expect(lines.sort()).toEqual([
      'src/config.ts: rewrote its listing in tutorial/01-start/README.md line 6',
      'src/lib/numbers.ts: rewrote its diff in tutorial/02-move/README.md line 3',
    ]);
    const moved = fs.readFileSync(path.join(repository, 'tutorial/02-move/README.md'), 'utf8');
    expect(moved).toContain('rename from src/numbers.ts');
    expect(moved).toContain('+export const g = 6;');
    expect(replayTutorial({ repository, linkModules: true }).problems).toEqual([]);
  });

  it('names a file that no chapter writes instead of guessing where it belongs', () => {
    fs.writeFileSync(path.join(repository, 'src/extra.ts'), 'export {};\n');
    execFileSync('git', ['add', '-A'], { cwd: repository });
    const lines: string[] = [];
    syncTutorial(repository, (line) => lines.push(line));
    expect(lines).toEqual([
      'src/extra.ts: no chapter writes it; add its listing to the chapter that teaches it',
    ]);
  });

  it('writes a new chapter of every change instead, with new files whole and removals, and the replay passes', () => {
    fs.writeFileSync(path.join(repository, 'src/config.ts'), 'export const port = 9000;\n');
    fs.writeFileSync(path.join(repository, 'src/extra.ts'), 'export const extra = true;\n');
    fs.rmSync(path.join(repository, 'src/lib/numbers.ts'));
    execFileSync('git', ['add', '-A'], { cwd: repository });

    expect(chapterOfChanges(repository, '03-more')).toBe(2);

    const chapter = fs.readFileSync(path.join(repository, 'tutorial/03-more/README.md'), 'utf8');
    expect(chapter).toContain('```sh run\nrm src/lib/numbers.ts\n```');
    expect(chapter).toContain('```ts file=src/extra.ts\nexport const extra = true;\n```');
    expect(chapter).toContain('+export const port = 9000;');
    expect(chapter).toMatch(/\*\*Time: about 5 minutes\*\*/);
    expect(replayTutorial({ repository, linkModules: true }).problems).toEqual([]);
  });
});
