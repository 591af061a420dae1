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
  /** The compiled entry file of each server. */
  entry: (file: ServerFile) => string;
  remove: () => void;
}

export function compileServers(): Compiled {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-bench-'));
  const remove = () => fs.rmSync(outDir, { recursive: true, force: true });
  // Also on the way out after Ctrl-C, when the caller's finally never runs (rmSync is synchronous, as exit needs).
  process.once('exit', remove);
  try {
    const config = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!config) throw new Error('tsconfig.json could not be read.');
    const options: ts.CompilerOptions = {
      ...config.options,
      // rootDir keeps the repository's layout, so ../../src/server/app resolves inside outDir as it does here.
      rootDir: ROOT,
      outDir,
      noEmit: false,
      sourceMap: false,
      types: ['node'],
    };
    const roots = SERVER_FILES.map((file) => path.join(ROOT, 'bench', 'servers', `${file}.ts`));
    const result = ts.createProgram(roots, options).emit();
    if (result.emitSkipped) {
      const text = ts.formatDiagnostics(result.diagnostics, {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => ROOT,
        getNewLine: () => '\n',
      });
      throw new Error(`The benchmark servers did not compile:\n${text}`);
    }
    // The compiled files require socket.io, ws, express...: Node finds them by walking up to a node_modules.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
  } catch (error) {
    remove();
    throw error;
  }
  return { entry: (file) => path.join(outDir, 'bench', 'servers', `${file}.js`), remove };
}
