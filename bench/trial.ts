// One trial: one server kind in a fresh process, measured from no clients to a thousand and back. The order of
// the steps matters: memory with no clients before any connects, connection cost while they connect, then
// memory with all of them idle, then the broadcasts, the room (whose joins are noisy in the app) and the round
// trips.
import { performance } from 'node:perf_hooks';
import { startSession } from '../test/helpers/session';
import { startChildServer, type ChildServer } from './childServer';
import { connectClient, type BenchClient, type ClientKind } from './clients';
import type { Compiled } from './compile';
import { SERVER_ENV, SETUP, type Kind } from './kinds';
import { percentile } from './percentile';
import { Tallies } from './tally';

export interface TrialOptions {
  clients: number;
  roomSize: number;
  broadcasts: number;
  roundTrips: number;
  log: (line: string) => void;
}

export interface Metrics {
  fanoutMs: number;
  fanoutCpuMicros: number;
  roomMs: number;
  roomCpuMicros: number;
  roundTripP50Ms: number;
  roundTripP99Ms: number;
  connectCpuMicros: number;
  connectAllMs: number;
  heapPerConnection: number;
  rssPerConnection: number;
  idleRss: number;
}

const CONNECT_BATCH = 50;
const UPGRADE_TIMEOUT_MS = 20_000;
const DELIVERY_TIMEOUT_MS = 20_000;
const BENCH_ROOM = 'bench-room';
const ROUND_TRIP_ROOM = 'round-trip';
/** A server using under 3% of a core over SETTLE_SAMPLE_MS counts as idle. */
const SETTLE_SAMPLE_MS = 100;
const SETTLE_MAX_MICROS = 3_000;
const SETTLE_MAX_SAMPLES = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

// Waits for the work a step left behind (upgrades, the app's hellos on every join) to end before the next
// step's CPU is counted; bounded, so a server that never goes quiet is measured anyway.
async function settle(server: ChildServer): Promise<void> {
  for (let i = 0; i < SETTLE_MAX_SAMPLES; i += 1) {
    const before = (await server.usage()).cpuMicros;
    await sleep(SETTLE_SAMPLE_MS);
    if ((await server.usage()).cpuMicros - before < SETTLE_MAX_MICROS) return;
  }
}

async function waitForUpgrades(clients: BenchClient[], log: (line: string) => void) {
  const deadline = Date.now() + UPGRADE_TIMEOUT_MS;
  while (!clients.every((client) => client.upgraded()) && Date.now() < deadline) await sleep(20);
  const upgraded = clients.filter((client) => client.upgraded()).length;
  if (upgraded < clients.length) log(`  only ${upgraded} of ${clients.length} clients upgraded`);
}

async function connectAll(
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
async function deliveries(
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

async function roundTrips(client: BenchClient, index: number, count: number, tallies: Tallies) {
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

export async function runTrial(
  kind: Kind,
  compiled: Compiled,
  options: TrialOptions,
): Promise<Metrics> {
  const setup = SETUP[kind];
  const { clients: count, log } = options;
  const server = await startChildServer(compiled.entry(setup.file), setup.args, SERVER_ENV);
  const clients: BenchClient[] = [];
  try {
    await settle(server);
    const empty = await server.usage(true);
    const cookie = setup.session ? (await startSession(server.url)).cookie : undefined;
    const clientKind: ClientKind =
      setup.library === 'ws'
        ? { library: 'ws' }
        : {
            library: 'socket.io',
            ...(setup.websocketOnly ? { transports: ['websocket'] } : {}),
            ...(cookie ? { cookie } : {}),
          };
    const tallies = new Tallies();

    const beforeConnect = await server.usage();
    const connectStart = performance.now();
    await connectAll(server.url, clientKind, count, tallies, clients);
    if (!setup.websocketOnly) await waitForUpgrades(clients, log);
    const connectAllMs = performance.now() - connectStart;
    const connectCpuMicros = ((await server.usage()).cpuMicros - beforeConnect.cpuMicros) / count;
    log(`  ${count} clients connected in ${(connectAllMs / 1000).toFixed(1)} s`);

    await settle(server);
    const idle = await server.usage(true);

    const fanout = await deliveries(
      server,
      options.broadcasts,
      count,
      (text) => server.broadcast(text),
      tallies,
      'fanout',
    );
    log(`  fan-out to ${count}: ${fanout.ms.toFixed(1)} ms`);

    const members = clients.slice(0, options.roomSize);
    for (const member of members) await member.join(BENCH_ROOM);
    await settle(server);
    const sender = members[0];
    const room = await deliveries(
      server,
      options.broadcasts,
      members.length,
      (text) => sender.chat(BENCH_ROOM, text),
      tallies,
      'room',
    );
    log(`  room of ${members.length}: ${room.ms.toFixed(2)} ms`);

    // A small room of two, away from the big one: the last client chats, the one before it listens.
    const chatterIndex = clients.length - 1;
    for (const client of clients.slice(-2)) await client.join(ROUND_TRIP_ROOM);
    await settle(server);
    await roundTrips(clients[chatterIndex], chatterIndex, 20, tallies); // warm-up, not counted
    const trips = await roundTrips(
      clients[chatterIndex],
      chatterIndex,
      options.roundTrips,
      tallies,
    );
    log(`  chat round trip p50 ${percentile(trips, 0.5).toFixed(2)} ms`);

    return {
      fanoutMs: fanout.ms,
      fanoutCpuMicros: fanout.cpuMicros,
      roomMs: room.ms,
      roomCpuMicros: room.cpuMicros,
      roundTripP50Ms: percentile(trips, 0.5),
      roundTripP99Ms: percentile(trips, 0.99),
      connectCpuMicros,
      connectAllMs,
      heapPerConnection: (idle.heapUsed - empty.heapUsed) / count,
      rssPerConnection: (idle.rss - empty.rss) / count,
      idleRss: empty.rss,
    };
  } finally {
    clients.forEach((client) => client.close());
    await server.stop();
  }
}
