// npm run tutorial:sync: after a change to the code, rewrites the one listing that must show it. For every file
// of the repository that the replayed chapters leave different, the last block that writes the file is rewritten
// from the repository: a whole-file block gets the file as it is, a diff gets its section for that file computed
// again against what the earlier chapters leave. Earlier chapters are left alone, so the code a chapter teaches is
// the repository's own and no later diff re-expresses it. Prose and excerpts stay yours to update; the check says
// which excerpt no longer matches.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTimeLine } from './estimate';
import { parseChapter } from './parseChapter';
import { isTaught } from './replay';

interface Writer {
  chapter: string;
  /** The line of the block's opening fence. */
  line: number;
  kind: 'file' | 'diff';
  /** For a diff: the path the section patches from, and the file's content before the block. */
  from?: string;
  before?: string;
}

/** `diff --git a/x b/y` sections of a patch, each with the path it reads and the path it writes. */
export function diffSections(patch: string): { from: string; to: string; text: string }[] {
  const sections: { from: string; to: string; text: string }[] = [];
  for (const line of patch.replace(/\n$/, '').split('\n')) {
    const header = /^diff --git a\/(\S+) b\/(\S+)$/.exec(line);
    if (header) sections.push({ from: header[1], to: header[2], text: '' });
    if (sections.length === 0)
      throw new Error('a diff block without `diff --git` headers cannot be synced');
    sections[sections.length - 1].text += `${line}\n`;
  }
  return sections;
}

function sh(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** git's own section for turning `before` (at `from`, absent when undefined) into `after` at `to`. */
export function sectionFor(
  from: string,
  to: string,
  before: string | undefined,
  after: string,
): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-sync-'));
  try {
    sh('git', ['init', '-q'], work);
    if (before !== undefined) {
      fs.mkdirSync(path.dirname(path.join(work, from)), { recursive: true });
      fs.writeFileSync(path.join(work, from), before);
      sh('git', ['add', '-A'], work);
      sh(
        'git',
        ['-c', 'user.name=sync', '-c', 'user.email=sync@localhost', 'commit', '-qm', 'before'],
        work,
      );
      if (from !== to) fs.rmSync(path.join(work, from));
    }
    fs.mkdirSync(path.dirname(path.join(work, to)), { recursive: true });
    fs.writeFileSync(path.join(work, to), after);
    sh('git', ['add', '-A'], work);
    return sh('git', ['diff', '--cached', '-M', '--no-color', '--no-ext-diff'], work);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Replays the chapters (no installs, no checks) and records, per file, the last block that writes it. */
function lastWriters(repository: string, folder: string): Map<string, Writer> {
  const writers = new Map<string, Writer>();
  const tutorial = path.join(repository, 'tutorial');
  for (const chapter of fs
    .readdirSync(tutorial)
    .filter((n) => /^\d\d-/.test(n))
    .sort()) {
    for (const step of parseChapter(
      fs.readFileSync(path.join(tutorial, chapter, 'README.md'), 'utf8'),
    )) {
      if (step.kind === 'file') {
        writers.set(step.path, { chapter, line: step.line, kind: 'file' });
        fs.mkdirSync(path.dirname(path.join(folder, step.path)), { recursive: true });
        fs.writeFileSync(path.join(folder, step.path), step.content);
      } else if (step.kind === 'diff') {
        for (const section of diffSections(step.patch)) {
          const source = path.join(folder, section.from);
          const before = fs.existsSync(source) ? fs.readFileSync(source, 'utf8') : undefined;
          writers.set(section.to, {
            chapter,
            line: step.line,
            kind: 'diff',
            from: section.from,
            before,
          });
        }
        const patch = path.join(os.tmpdir(), `tutorial-sync-${process.pid}.patch`);
        fs.writeFileSync(patch, step.patch);
        const applied = spawnSync('git', ['apply', '--whitespace=nowarn', patch], {
          cwd: folder,
          encoding: 'utf8',
        });
        fs.rmSync(patch);
        if (applied.status !== 0)
          throw new Error(
            `tutorial/${chapter}/README.md line ${step.line}: the diff does not apply:\n${applied.stderr}`,
          );
      } else if (step.kind === 'run') {
        // Commands that move files (mkdir, mv, npm pkg set) shape what later blocks patch.
        for (const command of step.script.split('\n').map((l) => l.trim())) {
          if (/^(mkdir|mv|rm|npm pkg) /.test(command)) sh('bash', ['-c', command], folder);
        }
      }
    }
  }
  return writers;
}

/** Replaces the body of the fenced block that opens at `line` (1-based) with `body`. */
function replaceBlock(markdown: string, line: number, rewrite: (body: string) => string): string {
  const lines = markdown.split('\n');
  const fence = /^`{3,}/.exec(lines[line - 1])?.[0] ?? '```';
  let end = line;
  while (lines[end] !== fence) end += 1;
  const body = `${lines.slice(line, end).join('\n')}\n`;
  const next = rewrite(body).replace(/\n$/, '').split('\n');
  return [...lines.slice(0, line), ...next, ...lines.slice(end)].join('\n');
}

export function syncTutorial(
  repository: string,
  log: (line: string) => void = console.log,
): number {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tutorial-sync-replay-'));
  try {
    const writers = lastWriters(repository, folder);
    const files = sh('git', ['ls-files'], repository)
      .split('\n')
      .filter((f) => f && isTaught(f) && path.basename(f) !== 'package.json');
    const rewrites: { file: string; want: string; writer: Writer }[] = [];
    for (const file of files) {
      const want = fs.readFileSync(path.join(repository, file), 'utf8');
      const target = path.join(folder, file);
      if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === want) continue;
      const writer = writers.get(file);
      if (writer) rewrites.push({ file, want, writer });
      else log(`${file}: no chapter writes it; add its listing to the chapter that teaches it`);
    }
    // From the bottom of each chapter up, so that a rewritten block does not move the ones still to do.
    rewrites.sort((a, b) => b.writer.line - a.writer.line);
    for (const { file, want, writer } of rewrites) {
      const readme = path.join(repository, 'tutorial', writer.chapter, 'README.md');
      const markdown = fs.readFileSync(readme, 'utf8');
      const updated = replaceBlock(markdown, writer.line, (body) => {
        if (writer.kind === 'file') return want;
        return diffSections(body)
          .map((section) =>
            section.to === file
              ? sectionFor(writer.from ?? file, file, writer.before, want)
              : section.text,
          )
          .join('');
      });
      fs.writeFileSync(readme, withTimeLine(updated)); // its length changed, so its time may have
      log(
        `${file}: rewrote its ${writer.kind === 'file' ? 'listing' : 'diff'} in tutorial/${writer.chapter}/README.md line ${writer.line}`,
      );
    }
    const changed = rewrites.length;
    return changed;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const changed = syncTutorial(path.resolve(__dirname, '../..'));
  console.log(
    changed
      ? `${changed} listing(s) rewritten: read them, update the prose around them, then run npm run tutorial:check.`
      : 'Every listing already matches the repository.',
  );
}
