// How long a chapter takes a person, from its length, at the pace tutorial/README.md states: prose read at 200
// words a minute, main-text code typed at 10 lines a minute, folded code (supporting files in <details>) copied at
// 40 lines a minute, and a minute for each command the chapter has you run. Counted the way the repository's
// prose measure counts: code inside fenced blocks, words outside them, folded means inside <details>.
import fs from 'node:fs';
import path from 'node:path';

export interface ChapterLength {
  mainCode: number;
  foldedCode: number;
  words: number;
  commands: number;
}

export const PACE = { wordsPerMinute: 200, typedLinesPerMinute: 10, copiedLinesPerMinute: 40 };

export function measureChapter(markdown: string): ChapterLength {
  const length: ChapterLength = { mainCode: 0, foldedCode: 0, words: 0, commands: 0 };
  let fence: string | undefined;
  let commandBlock = false;
  let depth = 0;
  for (const line of markdown.split('\n')) {
    const trimmed = line.trim();
    if (fence === undefined) {
      depth += (trimmed.match(/<details\b/gi) ?? []).length;
      depth = Math.max(0, depth - (trimmed.match(/<\/details>/gi) ?? []).length);
    }
    const opening = /^(`{3,}|~{3,})(.*)$/.exec(trimmed);
    if (opening && (fence === undefined || trimmed === fence)) {
      if (fence === undefined) {
        fence = opening[1];
        commandBlock = /^sh\s+(run|check)\b/.test(opening[2].trim());
      } else fence = undefined;
      continue;
    }
    if (fence !== undefined) {
      if (depth) length.foldedCode += 1;
      else length.mainCode += 1;
      if (commandBlock && trimmed !== '' && !trimmed.startsWith('#')) length.commands += 1;
    } else if (!depth && trimmed !== '' && !trimmed.startsWith('<')) {
      length.words += (
        trimmed.replace(/`[^`]*`/g, ' x ').match(/[A-Za-z][A-Za-z'’-]*/g) ?? []
      ).length;
    }
  }
  return length;
}

/** Minutes, rounded up to the next five. */
export function estimateMinutes({ mainCode, foldedCode, words, commands }: ChapterLength): number {
  const minutes =
    words / PACE.wordsPerMinute +
    mainCode / PACE.typedLinesPerMinute +
    foldedCode / PACE.copiedLinesPerMinute +
    commands;
  return Math.max(5, Math.ceil(minutes / 5) * 5);
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** The line under a chapter's title that states its time and where the figure comes from. */
export function timeLine(length: ChapterLength): string {
  return (
    `**Time: about ${estimateMinutes(length)} minutes** (${thousands(length.words)} words to read, ` +
    `${thousands(length.mainCode)} lines to type, ${thousands(length.foldedCode)} folded lines to copy, ` +
    `${length.commands} commands).`
  );
}

export const TIME_LINE = /^\*\*Time: about .*$/m;

/** The chapter with its time line set from its own length (the line itself holds no counted words or code). */
export function withTimeLine(markdown: string): string {
  const without = markdown.replace(TIME_LINE, '**Time:**');
  return markdown.replace(TIME_LINE, timeLine(measureChapter(without)));
}

/** The table of chapters tutorial/README.md shows between its `<!-- chapters -->` markers: title, time, length. */
export function chapterTable(tutorial: string): string {
  const rows = fs
    .readdirSync(tutorial)
    .filter((name) => /^\d\d-/.test(name))
    .sort()
    .map((chapter) => {
      const text = fs.readFileSync(path.join(tutorial, chapter, 'README.md'), 'utf8');
      const title = (/^# (.*)$/m.exec(text)?.[1] ?? chapter).replace(/\|/g, '\\|');
      const length = measureChapter(text.replace(TIME_LINE, '**Time:**'));
      return { chapter, title, length, minutes: estimateMinutes(length) };
    });
  let elapsed = 0;
  const lines = rows.map(({ chapter, title, length, minutes }) => {
    elapsed += minutes;
    return `| [${title}](${chapter}/README.md) | ${minutes} min | ${elapsed} min | ${length.mainCode} | ${length.foldedCode} | ${length.words} |`;
  });
  return [
    '| chapter | time | in all | lines to type | folded lines | words |',
    '| --- | --: | --: | --: | --: | --: |',
    ...lines,
  ].join('\n');
}

const TABLE = /<!-- chapters -->[\s\S]*?<!-- \/chapters -->/;

export function withChapterTable(index: string, tutorial: string): string {
  return index.replace(
    TABLE,
    `<!-- chapters -->\n\n${chapterTable(tutorial)}\n\n<!-- /chapters -->`,
  );
}

/** The stated table must be the computed one (Prettier may pad its columns, so spaces do not count). */
export function chapterTableIsCurrent(index: string, tutorial: string): boolean {
  const squash = (text: string) => text.replace(/[ -]+/g, ' ').trim();
  const stated = TABLE.exec(index)?.[0];
  return stated !== undefined && squash(stated) === squash(withChapterTable(stated, tutorial));
}
