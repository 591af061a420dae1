// Reads a chapter's README into the steps a replay runs. Only fenced blocks marked for it are executable, so the
// text still renders as an ordinary README:
//   ```ts file=src/server/app.ts     the whole file, written as shown
//   ```diff                          a patch (git's format), applied with `git apply`; it must apply cleanly
//   ```sh run                        commands run in the replayed folder (`npm install …` really installs)
//   ```sh check                      the chapter's own check, run after its other steps
//   ```text output                   lines the run or check block before it prints, in order
//   ```text console script=start     lines the page's browser console shows, in order (`npm run start`)
//   ```text page script=start        text the page shows (its title, then its visible text), in order
//   ```ts excerpt=src/server/app.ts  a part of the file as it is at the chapter's end; `// ...` separates pieces
// Any other block (```sh alone, ```json, ```text) is illustration and is not run.

export type Step =
  | { kind: 'file'; path: string; content: string; line: number }
  | { kind: 'diff'; patch: string; line: number }
  | { kind: 'run'; script: string; line: number }
  | { kind: 'check'; script: string; line: number }
  /** What the run or check block at line `of` must print. */
  | { kind: 'output'; expected: string[]; of: number; line: number }
  | {
      kind: 'browser';
      show: 'console' | 'page';
      /** The npm script that serves the page, `start` or `dev`. */
      script: string;
      /** The environment variable whose port the page is opened on: PORT, or DEV_PORT for the dev server. */
      portVariable: string;
      urlPath: string;
      /** A file name in the chapter's folder where `--screenshots` saves the page. */
      shot?: string;
      expected: string[];
      line: number;
    }
  | { kind: 'excerpt'; path: string; pieces: string[][]; line: number };

const FENCE = /^(`{3,})(\S*)(.*)$/;

/** The lines a block expects, without blank ones; `...` stays, as the wildcard it is. */
const expectedLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function parseChapter(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  let lastCommand: number | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, fence, language, meta] = open;
    const start = i + 1; // the opening fence, 1-based
    const body: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== fence; i += 1) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`line ${start}: a code block is never closed`);
    const text = body.join('\n');
    const option = (name: string) => new RegExp(`(?:^|\\s)${name}=(\\S+)`).exec(meta)?.[1];
    const words = meta.trim().split(/\s+/);
    const file = option('file');
    const excerpt = option('excerpt');
    if (file) steps.push({ kind: 'file', path: file, content: `${text}\n`, line: start });
    else if (excerpt) {
      const pieces = [[]] as string[][];
      for (const line of body) {
        if (line.trim() === '// ...') pieces.push([]);
        else pieces[pieces.length - 1].push(line);
      }
      steps.push({ kind: 'excerpt', path: excerpt, pieces, line: start });
    } else if (language === 'diff') steps.push({ kind: 'diff', patch: `${text}\n`, line: start });
    else if (language === 'sh' && (words.includes('run') || words.includes('check'))) {
      const kind = words.includes('run') ? 'run' : 'check';
      steps.push({ kind, script: text, line: start });
      lastCommand = start;
    } else if (language === 'text' && words[0] === 'output') {
      if (lastCommand === undefined)
        throw new Error(
          `line ${start}: an output block needs a \`sh run\` or \`sh check\` block before it`,
        );
      steps.push({ kind: 'output', expected: expectedLines(text), of: lastCommand, line: start });
    } else if (language === 'text' && (words[0] === 'console' || words[0] === 'page')) {
      steps.push({
        kind: 'browser',
        show: words[0],
        script: option('script') ?? 'start',
        portVariable: option('port') ?? 'PORT',
        urlPath: option('path') ?? '/',
        shot: option('shot'),
        expected: expectedLines(text),
        line: start,
      });
    }
  }
  return steps;
}

/** Whether `expected` lines appear in `actual` lines in order, each as a substring; `...` matches anything. */
export function inOrder(
  expected: string[],
  actual: string[],
): { ok: true } | { ok: false; missing: string } {
  let at = 0;
  for (const want of expected) {
    if (want === '...') continue;
    const found = actual.findIndex((line, index) => index >= at && line.includes(want));
    if (found === -1) return { ok: false, missing: want };
    at = found + 1;
  }
  return { ok: true };
}

/** Where the excerpt's pieces are not found in `text`, in order, each as contiguous lines: the first missing piece. */
export function excerptMissing(pieces: string[][], text: string): string[] | undefined {
  const lines = text.split('\n');
  let at = 0;
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    let found = -1;
    for (let start = at; start + piece.length <= lines.length && found === -1; start += 1) {
      if (piece.every((line, k) => lines[start + k] === line)) found = start;
    }
    if (found === -1) return piece;
    at = found + piece.length;
  }
  return undefined;
}
