// npm run tutorial:detach
// For a project built on this starter: removes the tutorial (tutorial/), its checker (scripts/tutorial/, this file
// included), its npm scripts, its CI step and the README's section about it. Your app's code and tests stay as
// they are. Once your code differs from what the chapters write, `npm run tutorial:check` can only fail; after
// this, CI checks your app alone.
import fs from 'node:fs';
import path from 'node:path';

/** What detaching removed or changed, a line each, for the person who ran it. */
export function detachTutorial(repository: string): string[] {
  const done: string[] = [];
  const at = (file: string) => path.join(repository, file);

  for (const folder of ['tutorial', 'scripts/tutorial']) {
    if (!fs.existsSync(at(folder))) continue;
    fs.rmSync(at(folder), { recursive: true, force: true });
    done.push(`removed ${folder}/`);
  }

  const packageFile = at('package.json');
  const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as {
    scripts?: Record<string, string>;
  };
  for (const name of Object.keys(pkg.scripts ?? {}).filter((n) => n.startsWith('tutorial:'))) {
    delete pkg.scripts?.[name];
    done.push(`removed the npm script ${name}`);
  }
  fs.writeFileSync(packageFile, `${JSON.stringify(pkg, null, 2)}\n`);

  const ci = at('.ci/run');
  if (fs.existsSync(ci)) {
    const lines = fs.readFileSync(ci, 'utf8').split('\n');
    const kept = lines.filter((line) => !line.includes('tutorial:'));
    if (kept.length < lines.length) {
      fs.writeFileSync(ci, kept.join('\n'));
      done.push('removed the tutorial check from .ci/run');
    }
  }

  // The README marks its tutorial section, so that it can be cut without guessing where it ends.
  const readme = at('README.md');
  if (fs.existsSync(readme)) {
    const text = fs.readFileSync(readme, 'utf8');
    const cut = text.replace(/<!-- tutorial -->[\s\S]*?<!-- \/tutorial -->\n*/g, '');
    if (cut !== text) {
      fs.writeFileSync(readme, cut);
      done.push("removed the README's tutorial section");
    }
  }
  return done;
}

if (require.main === module) {
  const done = detachTutorial(path.resolve(__dirname, '../..'));
  done.forEach((line) => console.log(`- ${line}`));
  console.log(
    done.length
      ? 'The tutorial is detached: CI now checks your app alone. Commit the change.'
      : 'Nothing to detach: the tutorial is already gone.',
  );
}
