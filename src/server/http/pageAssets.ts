// Which script files the page names. In production webpack writes content-hashed names and records them in
// dist/manifest.json; the dev server (npm run dev) answers fixed names from memory.
import fs from 'node:fs';
import path from 'node:path';
import { ASSET_MANIFEST, STATIC_PATH } from '../../shared/config';

export interface PageAssets {
  /** Run in this order, deferred: the first chunk (store and socket). */
  scripts: string[];
  /** Fetched at once beside them, run when the first chunk asks: the page's own chunk. */
  preloads: string[];
}

/** What `webpack serve` answers in development, where names carry no hash. */
export const DEV_SERVER_ASSETS: PageAssets = {
  scripts: [`${STATIC_PATH}/js/main.js`],
  preloads: [`${STATIC_PATH}/js/ui.js`],
};

/** The part of webpack's ManifestPlugin output read here. */
interface Manifest {
  entrypoints?: { main?: { imports?: unknown } };
  assets?: Record<string, { file?: unknown } | undefined>;
}

/** The client is not built: the message says what to run. */
export class ClientNotBuiltError extends Error {}

/**
 * The page's assets from a production build in distDir. Throws a ClientNotBuiltError with a sentence when there
 * is none, or when it is not one this server can read.
 */
export function readPageAssets(distDir: string): PageAssets {
  const file = path.join(distDir, ASSET_MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ClientNotBuiltError(
      `The client is not built (${file} is ${missing ? 'missing' : 'not readable JSON'}): run \`npm run build\`, or \`npm start\`, which builds what is missing.`,
    );
  }
  const fileOf = (name: unknown): string | undefined => {
    const found = typeof name === 'string' ? manifest.assets?.[name]?.file : undefined;
    return typeof found === 'string' ? found : undefined;
  };
  const imports = manifest.entrypoints?.main?.imports;
  const scripts = Array.isArray(imports) ? imports.map(fileOf) : [];
  const ui = fileOf('ui.js');
  if (scripts.length === 0 || scripts.some((script) => script === undefined) || !ui) {
    throw new ClientNotBuiltError(
      `${file} does not list the main and ui chunks: rebuild the client with \`npm run build\`.`,
    );
  }
  return { scripts: scripts as string[], preloads: [ui] };
}
