// npm run tutorial:sync: after a change to the code, rewrites the one listing that must show it. For every file
// of the repository that the replayed chapters leave different, the last block that writes the file is rewritten
// from the repository: a whole-file block gets the file as it is, a diff gets its section for that file computed
// again against what the earlier chapters leave. Earlier chapters are left alone, so the code a chapter teaches is
// the repository's own and no later diff re-expresses it. Prose and excerpts stay yours to update; the check says
// which excerpt no longer matches.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { withTimeLine } from './estimate';
import { filesIn, isTaught, replayTutorial } from './replay';

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
  const lines = patch.replace(/\n$/, '').split('\n');
  // git's own headers, or plain `--- a/x` / `+++ b/x` pairs, as a patch written by hand has them.
  const gitHeaders = lines.some((line) => line.startsWith('diff --git '));
  lines.forEach((line, index) => {
    const next = lines[index + 1] ?? '';
    const header = gitHeaders
      ? /^diff --git a\/(\S+) b\/(\S+)$/.exec(line)?.slice(1)
      : line.startsWith('--- a/') && next.startsWith('+++ b/')
        ? [line.slice(6), next.slice(6)]
        : undefined;
    if (header) sections.push({ from: header[0], to: header[1], text: '' });
    if (sections.length === 0) throw new Error('a diff block with no file header cannot be synced');
    sections[sections.length - 1].text += `${line}\n`;
  });
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

/**
 * Replays the chapters as the check does, writing only (no installs, checks or comparisons), and records, per
 * file, the last block that writes it and, for a diff, the file as it was just before. The caller removes `folder`.
 */
function lastWriters(repository: string): { writers: Map<string, Writer>; folder: string } {
  const writers = new Map<string, Writer>();
  const replayed = replayTutorial({
    repository,
    keep: true,
    onlyWrite: {
      beforeStep: (step, chapter, folder) => {
        if (step.kind === 'file')
          writers.set(step.path, { chapter, line: step.line, kind: 'file' });
        if (step.kind !== 'diff') return;
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
      },
    },
  });
  if (!replayed.ok) {
    fs.rmSync(replayed.folder, { recursive: true, force: true });
    throw new Error(replayed.problems.join('\n'));
  }
  return { writers, folder: replayed.folder };
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
  const { writers, folder } = lastWriters(repository);
  try {
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

/**
 * `npm run tutorial:sync -- --into NN-slug`: instead of rewriting last listings, writes a new chapter holding every
 * change the repository has over what the chapters build: installs, scripts, files the repository no longer has
 * (removed with `rm`), new files whole and the diff of each changed file. Its prose is then yours to write around the listings; the replay proves the listings.
 */
export function chapterOfChanges(repository: string, chapter: string): number {
  const { folder } = lastWriters(repository);
  try {
    const files = sh('git', ['ls-files'], repository)
      .split('\n')
      .filter((f) => f && isTaught(f) && path.basename(f) !== 'package.json');
    const blocks: string[] = [];
    type Manifest = {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      scripts?: Record<string, string>;
    };
    const want = JSON.parse(
      fs.readFileSync(path.join(repository, 'package.json'), 'utf8'),
    ) as Manifest;
    const have = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
    const added = (section: 'dependencies' | 'devDependencies') =>
      Object.keys(want[section] ?? {}).filter((name) => !have[section]?.[name]);
    const removed = filesIn(folder)
      .filter((file) => isTaught(file) && !files.includes(file) && file !== 'package.json')
      .sort();
    const commands = [
      ...(removed.length ? [`rm ${removed.join(' ')}`] : []),
      ...(added('dependencies').length ? [`npm install ${added('dependencies').join(' ')}`] : []),
      ...(added('devDependencies').length
        ? [`npm install -D ${added('devDependencies').join(' ')}`]
        : []),
      ...Object.entries(want.scripts ?? {})
        .filter(([name, command]) => have.scripts?.[name] !== command)
        .map(
          ([name, command]) =>
            `npm pkg set '${`scripts.${name}=${command}`.replace(/'/g, "'\\''")}'`,
        ),
    ];
    if (commands.length) blocks.push(['```sh run', ...commands, '```'].join('\n'));
    let changed = 0;
    for (const file of files) {
      const after = fs.readFileSync(path.join(repository, file), 'utf8');
      const target = path.join(folder, file);
      const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined;
      if (before === after) continue;
      changed += 1;
      const language = path.extname(file).slice(1) || 'text';
      blocks.push(
        before === undefined
          ? `\`\`\`${language} file=${file}\n${after}\`\`\``
          : `\`\`\`diff\n${sectionFor(file, file, before, after)}\`\`\``,
      );
    }
    const readme = path.join(repository, 'tutorial', chapter, 'README.md');
    fs.mkdirSync(path.dirname(readme), { recursive: true });
    fs.writeFileSync(
      readme,
      withTimeLine(
        [
          `# ${chapter.slice(0, 2)} · ${chapter.slice(3)}`,
          '',
          '**Time: about ?? minutes**',
          '',
          ...blocks.map((b) => `${b}\n`),
        ].join('\n'),
      ),
    );
    return changed;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv.includes('--into')) {
  const chapter = process.argv[process.argv.indexOf('--into') + 1];
  const changed = chapterOfChanges(path.resolve(__dirname, '../..'), chapter);
  console.log(
    `tutorial/${chapter}/README.md holds the changes to ${changed} file(s): write its prose around them.`,
  );
} else if (require.main === module) {
  const changed = syncTutorial(path.resolve(__dirname, '../..'));
  console.log(
    changed
      ? `${changed} listing(s) rewritten: read them, update the prose around them, then run npm run tutorial:check.`
      : 'Every listing already matches the repository.',
  );
}
