// npm run tutorial:times: writes each chapter's time line from its length (scripts/tutorial/estimate.ts).
import fs from 'node:fs';
import path from 'node:path';
import { measureChapter, withTimeLine } from './estimate';

const tutorial = path.resolve(__dirname, '../../tutorial');
for (const chapter of fs
  .readdirSync(tutorial)
  .filter((name) => /^\d\d-/.test(name))
  .sort()) {
  const file = path.join(tutorial, chapter, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const updated = withTimeLine(text);
  if (updated !== text) fs.writeFileSync(file, updated);
  const { mainCode, foldedCode, words } = measureChapter(updated);
  console.log(
    `${chapter}: ${/\*\*Time: about (\d+)/.exec(updated)?.[1] ?? '?'} min (${mainCode} typed, ${foldedCode} folded, ${words} words)`,
  );
}
