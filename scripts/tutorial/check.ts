// npm run tutorial:check [-- --keep] [-- --skip-checks] [-- --until NN] [-- --link-modules] [-- --screenshots]
// Replays tutorial/NN-*/README.md in order into an empty folder and fails unless the result is this repository.
import path from 'node:path';
import { replayTutorial } from './replay';

const flag = (name: string) => process.argv.includes(name);
const started = Date.now();
const result = replayTutorial({
  repository: path.resolve(__dirname, '../..'),
  log: (line) => console.log(line),
  keep: flag('--keep'),
  skipChecks: flag('--skip-checks'),
  linkModules: flag('--link-modules'),
  screenshots: flag('--screenshots'),
  until: flag('--until') ? process.argv[process.argv.indexOf('--until') + 1] : undefined,
});
const took = `${Math.round((Date.now() - started) / 1000)} s`;
if (result.ok) {
  console.log(
    flag('--until') || flag('--keep')
      ? `Replayed into ${result.folder} in ${took}.`
      : `Tutorial check: the chapters rebuild this repository exactly (${took}).`,
  );
} else {
  result.problems.forEach((problem) => console.error(`\n${problem}`));
  console.error(
    `\nTutorial check failed${flag('--keep') ? ` (replayed into ${result.folder})` : ''}.`,
  );
  console.error(
    [
      'The chapters in tutorial/ no longer rebuild this repository.',
      '- Changing the starter itself: change the chapter that teaches that code in the same commit',
      '  (`npm run tutorial:sync` rewrites the last listing of each file that differs).',
      '- Building your own app on it: run `npm run tutorial:detach` once; it removes the tutorial, this check',
      '  and its CI step, and CI then checks your app alone.',
    ].join('\n'),
  );
  process.exitCode = 1;
}
