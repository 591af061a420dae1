import fs from 'node:fs';
import path from 'node:path';
import { readLimits } from '../src/server/limits';
import { readPort } from '../src/shared/readPort';
import { WDS_PORT, WEB_PORT } from '../src/shared/config';

const ROOT = path.resolve(__dirname, '..');

/** .env.example as NAME → value, comments and blank lines left out. */
function readExample(): Record<string, string> {
  const text = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

// How code here reads a variable: process.env.NAME, env.NAME, or readCount(env, 'NAME', ...).
const READS = [/\benv\.([A-Z][A-Z0-9_]*)/g, /\(\s*env\s*,\s*'([A-Z][A-Z0-9_]*)'/g];

function variablesTheCodeReads(): Set<string> {
  const files = [
    ...['src', 'scripts', 'test', 'bench'].flatMap((folder) =>
      sourceFiles(path.join(ROOT, folder)),
    ),
    path.join(ROOT, 'webpack.config.ts'),
  ];
  const names = new Set<string>();
  for (const file of files) {
    const code = fs.readFileSync(file, 'utf8');
    for (const pattern of READS) for (const match of code.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

describe('.env.example', () => {
  const example = readExample();

  it('lists every environment variable the code reads, and no other', () => {
    const read = [...variablesTheCodeReads()].sort();
    expect(read).toContain('PORT');
    expect(read).toContain('MAX_MESSAGE_BYTES');
    expect(Object.keys(example).sort()).toEqual(read);
  });

  it("gives the code's own defaults", () => {
    expect(readLimits(example)).toEqual(readLimits({}));
    expect(readPort(example.PORT)).toBe(WEB_PORT);
    expect(readPort(example.DEV_PORT)).toBe(WDS_PORT);
  });
});
