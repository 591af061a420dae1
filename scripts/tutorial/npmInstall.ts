// A chapter says `npm install express` where a learner would type it; the replay installs it for real (from npm's
// cache where it can), with the range the repository has, so a learner by hand gets what the repository tests.
// It first checks that each package is one the repository depends on, in the same section, and records the
// repository's version range in the replayed package.json, as npm would have.

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface Install {
  dev: boolean;
  packages: string[];
}

/** `npm install [-D|--save-dev] a b@^1` → its packages without version, or undefined for any other command. */
export function parseInstall(command: string): Install | undefined {
  const words = command.trim().split(/\s+/);
  if (words[0] !== 'npm' || !['install', 'i', 'add'].includes(words[1] ?? '')) return undefined;
  const rest = words.slice(2);
  const dev = rest.some((word) => word === '-D' || word === '--save-dev');
  const packages = rest
    .filter((word) => !word.startsWith('-'))
    .map((word) => word.replace(/(.)@[^@/]*$/, '$1'));
  return { dev, packages };
}

const sorted = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/** Adds the packages to `target` with the repository's ranges; throws a readable error for any it lacks. */
export function applyInstall(install: Install, repository: PackageJson, target: PackageJson): void {
  const section = install.dev ? 'devDependencies' : 'dependencies';
  for (const name of install.packages) {
    const range = repository[section]?.[name];
    if (!range) {
      const other = install.dev ? 'dependencies' : 'devDependencies';
      const hint = repository[other]?.[name] ? ` (it is in ${other}: check the -D flag)` : '';
      throw new Error(`installs ${name}, which is not in the repository's ${section}${hint}`);
    }
    target[section] = sorted({ ...target[section], [name]: range });
  }
}

/** The command the replay runs for an install: the repository's ranges, from npm's cache where it has them. */
export function installCommand(install: Install, repository: PackageJson): string {
  const section = install.dev ? 'devDependencies' : 'dependencies';
  const specs = install.packages.map(
    (name) => `'${name}@${repository[section]?.[name] ?? 'latest'}'`,
  );
  return `npm install ${install.dev ? '--save-dev ' : ''}--prefer-offline --no-audit --no-fund ${specs.join(' ')}`;
}
