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
  console.error(
    [
      'The chapters in tutorial/ no longer rebuild this repository.',
      '- Changing the starter itself: change the chapter that teaches that code in the same commit.',
      '- Building your own app on it: run `npm run tutorial:detach` once; it removes the tutorial, this check',
      '  and its CI step, and CI then checks your app alone.',
    ].join('\n'),
  );
  process.exitCode = 1;
}
