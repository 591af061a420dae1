// The size of what a visitor downloads, checked against the budget recorded in bundle-budget.json. Sizes are
// gzip -9 of each chunk webpack wrote, as the server's compression sends them (within a few bytes): deterministic
// for a given build, so this is a check, not a timing.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Over the recorded total by more than this, the check fails: a change that big is one to decide on. */
export const ALLOWED_GROWTH = 0.05;
/** The first chunk is what every visitor waits for before the socket opens: never more than this, gzip. */
export const FIRST_CHUNK_LIMIT_BYTES = 90_000;

export interface BundleSizes {
  /** gzip bytes of the chunk the page runs first (the store and the socket). */
  firstChunk: number;
  /** gzip bytes of every chunk together. */
  total: number;
}

/** gzip sizes of the build in distDir, from its manifest: the entry chunk first, then every other .js chunk. */
export function measureBundle(distDir: string): BundleSizes {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as {
    assets: Record<string, { file: string }>;
  };
  const gzipSize = (file: string) =>
    zlib.gzipSync(fs.readFileSync(path.join(distDir, file.replace(/^\/static\//, ''))), {
      level: 9,
    }).length;
  const chunks = Object.entries(manifest.assets).filter(([name]) => /^[\w-]+\.js$/.test(name));
  const sizes = new Map(chunks.map(([name, { file }]) => [name, gzipSize(file)]));
  const firstChunk = sizes.get('main.js');
  if (firstChunk === undefined) throw new Error(`${distDir}/manifest.json names no main.js.`);
  return { firstChunk, total: [...sizes.values()].reduce((sum, size) => sum + size, 0) };
}

/** What is wrong with these sizes against the budget, as sentences; none when they are within it. */
export function overBudget(sizes: BundleSizes, budget: BundleSizes): string[] {
  const problems: string[] = [];
  if (sizes.firstChunk > FIRST_CHUNK_LIMIT_BYTES) {
    problems.push(
      `The first chunk is ${sizes.firstChunk} B gzip, over the ${FIRST_CHUNK_LIMIT_BYTES} B every visitor can wait for: move what the socket does not need into the page's chunk (src/client/ui.tsx).`,
    );
  }
  const allowed = Math.floor(budget.total * (1 + ALLOWED_GROWTH));
  if (sizes.total > allowed) {
    const growth = ((sizes.total / budget.total - 1) * 100).toFixed(1);
    problems.push(
      `The bundle is ${sizes.total} B gzip, ${growth}% over its budget of ${budget.total} B (at most ${allowed} B). If the growth is worth it, record the new sizes with \`npm run check:bundle -- --update\` and say why in the commit.`,
    );
  }
  return problems;
}
