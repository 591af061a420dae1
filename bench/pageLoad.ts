// Page servers side by side in one run: how long each takes from spawn to its first page, what it weighs idle,
// and how long a cold browser takes from navigation to the third socket.io hello. Rounds are interleaved and
// their order rotates, so a machine that slows down or warms up over the run weighs on every server alike.
// Loopback only; every wait is bounded. Usage: bench/pageLoadArgs.ts, or `npm run bench:page -- --help`.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../test/e2e/chromium';
import { timeToThirdHello } from './coldNavigation';
import { groupMemory } from './listenerRss';
import { parsePageLoadArgs, USAGE, type PageServer } from './pageLoadArgs';
import { emptySamples, formatTable, summariseAll, type Samples } from './pageLoadReport';
import { rotated } from './rounds';
import { startPageServer, type StartedPageServer } from './pageServer';

/** Idle RSS is read this long after the first 200: what the first request allocated has settled by then. */
const IDLE_SETTLE_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (kib: number) => kib / 1024;

/** Each round starts every server once, alone on the machine, and stops it before the next one starts. */
async function measureStarts(
  servers: PageServer[],
  rounds: number,
  env: Record<string, string>,
  samples: Map<string, Samples>,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    for (const server of rotated(servers, round)) {
      const started = await startPageServer(server, env);
      try {
        await sleep(IDLE_SETTLE_MS);
        const memory = groupMemory(started.process.child.pid ?? 0, started.port);
        const own = samples.get(server.name) ?? emptySamples();
        own.startMs.push(started.startMs);
        own.listenerMiB.push(mib(memory.listenerKiB));
        own.groupMiB.push(mib(memory.groupKiB));
        console.log(
          `[start ${round + 1}/${rounds}] ${server.name}: 200 after ${ms(started.startMs)}; idle RSS ` +
            `${mib(memory.listenerKiB).toFixed(1)} MiB (pid ${memory.listener}), group ${mib(memory.groupKiB).toFixed(1)} MiB`,
        );
      } finally {
        await started.process.stop();
      }
    }
  }
}

/** Each round loads every running server's page once, each time in a new browser context. */
async function measureNavigations(
  browser: Browser,
  running: StartedPageServer[],
  rounds: number,
  samples: Map<string, Samples>,
): Promise<void> {
  // One load each that is not counted: the first request a server answers pays for lazy requires and JIT, and
  // the browser's first context for its own start-up. The samples then differ only in what they measure.
  for (const { url } of running) await timeToThirdHello(browser, url);
  for (let round = 0; round < rounds; round += 1) {
    for (const { server, url } of rotated(running, round)) {
      const { pageMs, benchMs } = await timeToThirdHello(browser, url);
      const own = samples.get(server.name) ?? emptySamples();
      own.helloPageMs.push(pageMs);
      own.helloBenchMs.push(benchMs);
      console.log(
        `[page ${round + 1}/${rounds}] ${server.name}: third hello at ${ms(pageMs)} (page clock), ` +
          `${ms(benchMs)} (bench clock)`,
      );
    }
  }
}

async function main(): Promise<void> {
  const options = parsePageLoadArgs(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const { servers, rounds } = options;
  // This project's server refuses to start in production without one; the others ignore it.
  const env = { SESSION_SECRET: crypto.randomBytes(32).toString('base64url') };
  const samples = new Map(servers.map(({ name }) => [name, emptySamples()]));
  console.log(
    `${rounds} rounds of ${servers.map(({ name }) => name).join(', ')}; Node ${process.version}`,
  );

  await measureStarts(servers, rounds, env, samples);

  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  const chromiumVersion = browser.version();
  const running: StartedPageServer[] = [];
  try {
    for (const server of servers) running.push(await startPageServer(server, env));
    await measureNavigations(browser, running, rounds, samples);
  } finally {
    await Promise.all(running.map(({ process }) => process.stop()));
    await browser.close();
  }

  const summary = summariseAll(samples);
  console.log(
    `\nChromium ${chromiumVersion}, ${rounds} samples per cell; ratio = median / ${servers[0].name}'s`,
  );
  console.log(formatTable(summary));
  if (options.json) {
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      chromium: chromiumVersion,
      rounds,
      servers,
      summary,
      samples: Object.fromEntries(samples),
    };
    fs.writeFileSync(options.json, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`Results written to ${options.json}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
