// npm run bench [-- --rounds N] [-- --json file] [-- --baseline DIR]: this app's server against bare Socket.IO
// (defaults, and websocket only) and raw ws, each in its own `node` process compiled from TypeScript beforehand,
// all clients in this process, loopback only. With --baseline, also the app of another checkout (app-before).
//
// Per kind and round, in a fresh server process: the server's RSS and heap with no clients (after gc); the
// server CPU per connection while CLIENTS connect (in batches; polling clients until they have upgraded); heap
// and RSS per idle connection (with CLIENTS minus with none, after gc, over CLIENTS); a notification to every
// client, triggered over IPC (time until the last copy arrived, server CPU per delivered copy); a chat to a room
// of ROOM_SIZE (the same two numbers); and chat round trips in a room of two (p50, p99). CPU is
// process.cpuUsage() read over IPC just before and after each step. Kinds run in a rotated order each round;
// the ratios are paired within a round and their median printed.
import fs from 'node:fs';
import path from 'node:path';
import { compileServers } from './compile';
import { rotated } from './rounds';
import { KINDS } from './kinds';
import { metricViews, summarise, table, type Round } from './report';
import { runTrial, type TrialOptions } from './trial';

const DEFAULTS = { rounds: 3, clients: 1000 };
const ROOM_SIZE = 100;
const BROADCASTS = 10;
const ROUND_TRIPS = 300;

interface Args {
  rounds: number;
  clients: number;
  json?: string;
  /** Another checkout of this repository, whose app runs beside this one as `app-before`. */
  baseline?: string;
}

function readArgs(argv: string[]): Args {
  const args: Args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--json' && value) args.json = value;
    else if (flag === '--baseline' && value) {
      if (!fs.existsSync(path.join(value, 'src', 'server', 'app.ts'))) {
        throw new Error(
          `--baseline ${value} is not a checkout of this repository (no src/server/app.ts).`,
        );
      }
      args.baseline = value;
    } else if (
      (flag === '--rounds' || flag === '--clients') &&
      /^[1-9]\d{0,4}$/.test(value ?? '')
    ) {
      args[flag === '--rounds' ? 'rounds' : 'clients'] = Number(value);
    } else {
      throw new Error(
        `Unknown or incomplete option ${flag}: use --rounds N, --clients N (N from 1 to 99999), --json FILE and --baseline DIR.`,
      );
    }
  }
  if (args.clients < ROOM_SIZE + 2) throw new Error(`--clients must be at least ${ROOM_SIZE + 2}.`);
  return args;
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const started = Date.now();
  console.log('Compiling the benchmark servers...');
  const compiled = compileServers(args.baseline);
  const kinds = KINDS.filter((kind) => kind !== 'app-before' || args.baseline !== undefined);
  const options: TrialOptions = {
    clients: args.clients,
    roomSize: ROOM_SIZE,
    broadcasts: BROADCASTS,
    roundTrips: ROUND_TRIPS,
    log: (line) => console.log(line),
  };
  const rounds: Round[] = [];
  try {
    for (let round = 0; round < args.rounds; round += 1) {
      const results: Round = {};
      for (const kind of rotated(kinds, round)) {
        const elapsed = ((Date.now() - started) / 1000).toFixed(0);
        console.log(`[round ${round + 1}/${args.rounds}, ${elapsed} s] ${kind}`);
        results[kind] = await runTrial(kind, compiled, options);
      }
      rounds.push(results);
    }
  } finally {
    compiled.remove();
  }

  const views = metricViews(args.clients, ROOM_SIZE);
  const summaries = summarise(rounds, views);
  console.log(
    `\nMedians over ${args.rounds} round(s), a fresh server process per kind and round; ratios paired per round.\n`,
  );
  console.log(table(summaries, views));
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  if (args.json) {
    const report = {
      options: { ...args, roomSize: ROOM_SIZE, broadcasts: BROADCASTS },
      rounds,
      summaries,
    };
    fs.writeFileSync(args.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`Wrote ${args.json}.`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(1);
  },
);
