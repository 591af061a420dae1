// The server processes run as plain JavaScript under `node`, with no TypeScript compiler resident in them, so
// their memory is what the server itself uses. This compiles their entry files (and everything they import)
// with the repository's own TypeScript and tsconfig into a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
export const SERVER_FILES = ['app', 'socketio', 'ws'] as const;
export type ServerFile = (typeof SERVER_FILES)[number];

export interface Compiled {
  /** The compiled entry file of each server; `baseline` for the one built from the --baseline checkout. */
  entry: (file: ServerFile, baseline?: boolean) => string;
  remove: () => void;
}

/** Compiles bench/servers/*.ts of `root`, with the src/ beside them, into outDir (rootDir: root). */
function compileTree(root: string, outDir: string): void {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) throw new Error('tsconfig.json could not be read.');
  const options: ts.CompilerOptions = {
    ...config.options,
    // rootDir keeps the repository's layout, so ../../src/server/app resolves inside outDir as it does here.
    rootDir: root,
    outDir,
    noEmit: false,
    sourceMap: false,
    types: ['node'],
  };
  const roots = SERVER_FILES.map((file) => path.join(root, 'bench', 'servers', `${file}.ts`));
  const result = ts.createProgram(roots, options).emit();
  if (result.emitSkipped) {
    const text = ts.formatDiagnostics(result.diagnostics, {
      getCanonicalFileName: (name) => name,
      getCurrentDirectory: () => root,
      getNewLine: () => '\n',
    });
    throw new Error(`The benchmark servers did not compile:\n${text}`);
  }
  // The compiled files require socket.io, ws, express...: Node finds them by walking up to a node_modules.
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
}

/**
 * This checkout's servers, and with `baselineDir` the app as that checkout has it: its src/ with this
 * checkout's bench/servers, so both apps are driven the same way (the baseline must have createApp, deliverPush
 * and readLimits as bench/servers/app.ts calls them). Both use this checkout's node_modules.
 */
export function compileServers(baselineDir?: string): Compiled {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-bench-'));
  const remove = () => fs.rmSync(outDir, { recursive: true, force: true });
  // Also on the way out after Ctrl-C, when the caller's finally never runs (rmSync is synchronous, as exit needs).
  process.once('exit', remove);
  try {
    fs.mkdirSync(path.join(outDir, 'current'));
    compileTree(ROOT, path.join(outDir, 'current'));
    if (baselineDir) {
      const tree = path.join(outDir, 'baseline-source');
      fs.cpSync(path.join(baselineDir, 'src'), path.join(tree, 'src'), { recursive: true });
      fs.cpSync(path.join(ROOT, 'bench', 'servers'), path.join(tree, 'bench', 'servers'), {
        recursive: true,
      });
      fs.mkdirSync(path.join(outDir, 'baseline'));
      compileTree(tree, path.join(outDir, 'baseline'));
    }
  } catch (error) {
    remove();
    throw error;
  }
  return {
    entry: (file, baseline = false) =>
      path.join(outDir, baseline ? 'baseline' : 'current', 'bench', 'servers', `${file}.js`),
    remove,
  };
}
