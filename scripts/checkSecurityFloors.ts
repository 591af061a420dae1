// Fails when any installed copy of a package in securityFloors.ts is below its floor. Every copy counts, nested
// ones too: a vulnerable ws deep in the tree is as reachable as the top-level one.
import { execFileSync } from 'node:child_process';
import semver from 'semver';
import { SECURITY_FLOORS } from './securityFloors';

interface NpmTree {
  version?: string;
  dependencies?: Record<string, NpmTree>;
}

function installedVersions(tree: NpmTree, name: string, found = new Set<string>()): Set<string> {
  for (const [dependency, subtree] of Object.entries(tree.dependencies ?? {})) {
    if (dependency === name && subtree.version) found.add(subtree.version);
    installedVersions(subtree, name, found);
  }
  return found;
}

function main(): number {
  const names = SECURITY_FLOORS.map((floor) => floor.name);
  // `npm ls` exits non-zero for problems unrelated to versions (extraneous packages); its JSON is still complete.
  let output: string;
  try {
    output = execFileSync('npm', ['ls', ...names, '--all', '--json'], { encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout?: string }).stdout ?? '';
  }
  const tree = JSON.parse(output) as NpmTree;

  let failures = 0;
  for (const { name, range, answers } of SECURITY_FLOORS) {
    const versions = [...installedVersions(tree, name)];
    if (versions.length === 0) {
      console.log(`FAIL ${name}: not installed (run npm ci first)`);
      failures += 1;
      continue;
    }
    for (const version of versions) {
      const ok = semver.satisfies(version, range);
      console.log(
        `${ok ? 'ok  ' : 'FAIL'} ${name}@${version} (floor ${range})${ok ? '' : `: answers ${answers}`}`,
      );
      if (!ok) failures += 1;
    }
  }
  console.log(
    failures === 0
      ? 'Security floors: all met.'
      : `Security floors: ${failures} below their floor.`,
  );
  return failures === 0 ? 0 : 1;
}

process.exitCode = main();
