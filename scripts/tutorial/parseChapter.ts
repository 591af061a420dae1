// Reads a chapter's README into the steps a replay runs. Only fenced blocks marked for it are executable, so the
// text still renders as an ordinary README:
//   ```ts file=src/server/app.ts     the whole file, written as shown
//   ```diff                          a patch (git's format), applied with `git apply`; it must apply cleanly
//   ```sh run                        commands run in the replayed folder (`npm install …` is checked, not run)
//   ```sh check                      the chapter's own check, run after its other steps
// Any other block (```sh alone, ```json, ```text) is illustration and is not run.

export type Step =
  | { kind: 'file'; path: string; content: string; line: number }
  | { kind: 'diff'; patch: string; line: number }
  | { kind: 'run'; script: string; line: number }
  | { kind: 'check'; script: string; line: number };

const FENCE = /^(`{3,})(\S*)(.*)$/;

export function parseChapter(markdown: string): Step[] {
  const lines = markdown.split('\n');
  const steps: Step[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const [, fence, language, meta] = open;
    const start = i + 1; // the opening fence, 1-based
    const body: string[] = [];
    for (i += 1; i < lines.length && lines[i] !== fence; i += 1) body.push(lines[i]);
    if (i >= lines.length) throw new Error(`line ${start}: a code block is never closed`);
    const text = body.join('\n');
    const file = /(?:^|\s)file=(\S+)/.exec(meta)?.[1];
    const words = meta.trim().split(/\s+/);
    if (file) steps.push({ kind: 'file', path: file, content: `${text}\n`, line: start });
    else if (language === 'diff') steps.push({ kind: 'diff', patch: `${text}\n`, line: start });
    else if (language === 'sh' && words.includes('run'))
      steps.push({ kind: 'run', script: text, line: start });
    else if (language === 'sh' && words.includes('check'))
      steps.push({ kind: 'check', script: text, line: start });
  }
  return steps;
}
