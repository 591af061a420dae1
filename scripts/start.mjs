// `npm start`: builds what is missing or older than its sources, then runs the compiled server in this process
// with NODE_ENV=production. Plain JavaScript run by node, so it works where the dev dependencies (TypeScript,
// webpack) were pruned, as long as the builds are there; a deployment can also run `node build/server/index.js`.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time among these files and folders (recursively), or 0 when none exists. */
function newestChange(paths) {
  let newest = 0;
  const visit = (file) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
    } else if (!/\.test\.tsx?$/.test(file)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach((relative) => visit(path.join(ROOT, relative)));
  return newest;
}

/** Why this output must be built, or undefined when it is newer than every source. */
function whyBuild(output, sources) {
  const built = fs.statSync(path.join(ROOT, output), { throwIfNoEntry: false });
  if (!built) return `${output} is missing`;
  if (newestChange(sources) > built.mtimeMs) return `its sources changed since ${output} was built`;
  return undefined;
}

const builds = [
  {
    what: 'the server',
    output: 'build/server/index.js',
    sources: ['src/server', 'src/shared', 'tsconfig.json', 'tsconfig.build.json'],
    tool: 'typescript/bin/tsc',
    args: ['-p', 'tsconfig.build.json'],
  },
  {
    what: 'the client',
    output: 'dist/manifest.json',
    sources: ['src/client', 'src/shared', 'webpack.config.ts'],
    tool: 'webpack-cli/bin/cli.js',
    args: ['--mode', 'production'],
  },
];

for (const { what, output, sources, tool, args } of builds) {
  const why = whyBuild(output, sources);
  if (!why) continue;
  const toolPath = path.join(ROOT, 'node_modules', tool);
  if (!fs.existsSync(toolPath)) {
    console.error(
      `Cannot build ${what} (${why}): ${tool.split('/')[0]} is not installed, as after \`npm prune --omit=dev\`. ` +
        'Build before pruning (`npm run build`), or install the dev dependencies again (`npm ci`).',
    );
    process.exit(1);
  }
  console.log(`Building ${what}, as ${why}…`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [toolPath, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`Building ${what} failed (the lines above say why); the server was not started.`);
    process.exit(1);
  }
  console.log(`Built ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

process.env.NODE_ENV ??= 'production';
// On a laptop `npm start` should just work; a production server refuses to start without a secret, so one is
// made up here, and said so. A deployment sets SESSION_SECRET (README, "Deploy").
if (!process.env.SESSION_SECRET) {
  process.env.SESSION_SECRET = crypto.randomBytes(32).toString('base64url');
  console.log(
    'No SESSION_SECRET: `npm start` made one up for this run, so sessions end when it stops. A deployment sets its own.',
  );
}
await import(pathToFileURL(path.join(ROOT, 'build/server/index.js')).href);
