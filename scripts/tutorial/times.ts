// npm run tutorial:times: writes each chapter's time line from its length (scripts/tutorial/estimate.ts), and the
// table of chapters in tutorial/README.md from the chapters' titles and times.
import fs from 'node:fs';
import path from 'node:path';
import { chapterTable, withChapterTable, withTimeLine } from './estimate';

const tutorial = path.resolve(__dirname, '../../tutorial');
for (const chapter of fs.readdirSync(tutorial).filter((name) => /^\d\d-/.test(name))) {
  const file = path.join(tutorial, chapter, 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const updated = withTimeLine(text);
  if (updated !== text) fs.writeFileSync(file, updated);
}
const index = path.join(tutorial, 'README.md');
fs.writeFileSync(index, withChapterTable(fs.readFileSync(index, 'utf8'), tutorial));
console.log(chapterTable(tutorial));
