// The steps a trial is made of, each bounded: connecting in batches, waiting for the server to go quiet,
// timing deliveries against the server's CPU, and chat round trips.
import { performance } from 'node:perf_hooks';
import type { ChildServer } from './childServer';
import { connectClient, type BenchClient, type ClientKind } from './clients';
import { median } from './percentile';
import type { Tallies } from './tally';

const CONNECT_BATCH = 50;
const UPGRADE_TIMEOUT_MS = 20_000;
const DELIVERY_TIMEOUT_MS = 20_000;
export const ROUND_TRIP_ROOM = 'round-trip';
/** A server using under 3% of a core over SETTLE_SAMPLE_MS counts as idle. */
const SETTLE_SAMPLE_MS = 100;
const SETTLE_MAX_MICROS = 3_000;
const SETTLE_MAX_SAMPLES = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Waits for the work a step left behind (upgrades, the app's hellos on every join) to end before the next
// step's CPU is counted; bounded, so a server that never goes quiet is measured anyway.
export async function settle(server: ChildServer): Promise<void> {
  for (let i = 0; i < SETTLE_MAX_SAMPLES; i += 1) {
    const before = (await server.usage()).cpuMicros;
    await sleep(SETTLE_SAMPLE_MS);
    if ((await server.usage()).cpuMicros - before < SETTLE_MAX_MICROS) return;
  }
}

export async function waitForUpgrades(clients: BenchClient[], log: (line: string) => void) {
  const deadline = Date.now() + UPGRADE_TIMEOUT_MS;
  while (!clients.every((client) => client.upgraded()) && Date.now() < deadline) await sleep(20);
  const upgraded = clients.filter((client) => client.upgraded()).length;
  if (upgraded < clients.length) log(`  only ${upgraded} of ${clients.length} clients upgraded`);
}

export async function connectAll(
  url: string,
  kind: ClientKind,
  count: number,
  tallies: Tallies,
  clients: BenchClient[],
): Promise<void> {
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, i) =>
      connectClient(url, kind, start + i, tallies.inbox),
    );
    // Settled, not all: a client that failed must still be closed with the rest before the error surfaces.
    const results = await Promise.allSettled(batch);
    for (const result of results) if (result.status === 'fulfilled') clients.push(result.value);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Server CPU per delivered copy and the time until the last copy arrived, the median of `repeats`. */
export async function deliveries(
  server: ChildServer,
  repeats: number,
  copies: number,
  send: (text: string) => Promise<void>,
  tallies: Tallies,
  label: string,
): Promise<{ ms: number; cpuMicros: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  // One more than counted: the first send of a kind runs code the JIT has not optimised yet.
  for (let i = 0; i <= repeats; i += 1) {
    const text = `${label}-${i}`;
    const arrived = tallies.expect(text, copies, DELIVERY_TIMEOUT_MS);
    const before = (await server.usage()).cpuMicros;
    const start = performance.now();
    await Promise.all([send(text), arrived]);
    const after = (await server.usage()).cpuMicros;
    if (i > 0) {
      times.push((await arrived) - start);
      cpu.push((after - before) / copies);
    }
    await settle(server);
  }
  return { ms: median(times), cpuMicros: median(cpu) };
}

export async function roundTrips(
  client: BenchClient,
  index: number,
  count: number,
  tallies: Tallies,
) {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const text = `round-trip-${i}`;
    const ownCopy = tallies.expect(text, 1, DELIVERY_TIMEOUT_MS, index);
    const start = performance.now();
    // The ack comes after the copy; waiting for both keeps one chat in flight at a time.
    await Promise.all([client.chat(ROUND_TRIP_ROOM, text), ownCopy]);
    times.push((await ownCopy) - start);
  }
  return times.sort((a, b) => a - b);
}
