// npm run tutorial:check [-- --keep]
// Replays tutorial/NN-*/README.md in order into an empty folder and fails unless the result is this repository.
import path from 'node:path';
import { replayTutorial } from './replay';

const result = replayTutorial({
  repository: path.resolve(__dirname, '../..'),
  log: (line) => console.log(line),
  keep: process.argv.includes('--keep'),
});
if (result.ok) {
  console.log('Tutorial check: the chapters rebuild this repository exactly.');
} else {
  result.problems.forEach((problem) => console.error(`\n${problem}`));
  console.error(
    `\nTutorial check failed${process.argv.includes('--keep') ? ` (replayed into ${result.folder})` : ''}.`,
  );
  process.exitCode = 1;
}
