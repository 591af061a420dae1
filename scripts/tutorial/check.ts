// npm run tutorial:check [-- --keep] [-- --skip-checks] [-- --until NN]
// Replays tutorial/NN-*/README.md in order into an empty folder and fails unless the result is this repository.
import path from 'node:path';
import { replayTutorial } from './replay';

const result = replayTutorial({
  repository: path.resolve(__dirname, '../..'),
  log: (line) => console.log(line),
  keep: process.argv.includes('--keep'),
  skipChecks: process.argv.includes('--skip-checks'),
  until: process.argv.includes('--until')
    ? process.argv[process.argv.indexOf('--until') + 1]
    : undefined,
});
if (result.ok) {
  console.log(
    result.folder && process.argv.includes('--until')
      ? `Replayed into ${result.folder}.`
      : 'Tutorial check: the chapters rebuild this repository exactly.',
  );
} else {
  result.problems.forEach((problem) => console.error(`\n${problem}`));
  console.error(
    `\nTutorial check failed${process.argv.includes('--keep') ? ` (replayed into ${result.folder})` : ''}.`,
  );
  process.exitCode = 1;
}
