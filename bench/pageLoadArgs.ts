// The command line of bench/pageLoad.ts. Each server is a name, the folder it runs in and a shell command, so one
// run can put servers from different checkouts (the JavaScript original, this project) side by side.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readInteger } from '../src/shared/readInteger';

export interface PageServer {
  /** What the table calls it. */
  name: string;
  /** Where the command runs: the server reads its files (dist/, public/) relative to it. */
  dir: string;
  /** Run with `sh -c`, so it may be anything a person would type there. */
  command: string;
}

export interface PageLoadOptions {
  servers: PageServer[];
  rounds: number;
  /** Where to write every sample and the summary as JSON, if anywhere. */
  json: string | undefined;
}

export const USAGE = `Usage: npm run bench:page -- --server NAME=DIR::COMMAND [--server NAME=DIR::COMMAND ...]
                          [--rounds N] [--json FILE]
Each server runs \`sh -c COMMAND\` in DIR with PORT and NODE_ENV=production; ratios are to the first one.
Example: --server original=/work/scratch/07-socket-io::"node lib/server"`;

const NAME = /^[A-Za-z0-9_.-]{1,32}$/;

export function parseServer(spec: string): PageServer {
  const equals = spec.indexOf('=');
  const separator = spec.indexOf('::', equals + 1);
  if (equals < 0 || separator < 0) {
    throw new Error(`--server must be NAME=DIR::COMMAND, got ${JSON.stringify(spec)}.`);
  }
  const name = spec.slice(0, equals);
  const dir = path.resolve(spec.slice(equals + 1, separator));
  const command = spec.slice(separator + 2).trim();
  if (!NAME.test(name)) {
    throw new Error(
      `A server's name must be 1-32 letters, digits, _ . or -, got ${JSON.stringify(name)}.`,
    );
  }
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`The folder of server ${name} does not exist: ${dir}`);
  }
  if (command === '') throw new Error(`Server ${name} has no command after "::".`);
  return { name, dir, command };
}

/** The options, or undefined when the user asked for help. Every mistake is an error a person can act on. */
export function parsePageLoadArgs(argv: string[]): PageLoadOptions | undefined {
  const { values } = parseArgs({
    args: argv,
    options: {
      server: { type: 'string', multiple: true },
      rounds: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const servers = (values.server ?? []).map(parseServer);
  if (servers.length === 0) throw new Error('Give at least one --server.');
  const names = servers.map(({ name }) => name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated)
    throw new Error(`Two servers are called ${repeated}: the table needs one name each.`);
  const rounds = readInteger(values.rounds, '--rounds', 10, { min: 1, max: 1000 });
  return { servers, rounds, json: values.json };
}
