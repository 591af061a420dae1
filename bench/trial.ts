// One trial: one server kind in a fresh process, measured from no clients to a thousand and back. The order of
// the steps matters: memory with no clients before any connects, connection cost while they connect, then
// memory with all of them idle, then the broadcasts, the room (whose joins are noisy in the app) and the round
// trips.
import { performance } from 'node:perf_hooks';
import { startSession } from '../test/helpers/session';
import { startChildServer } from './childServer';
import type { BenchClient, ClientKind } from './clients';
import type { Compiled } from './compile';
import { SERVER_ENV, SETUP, type Kind } from './kinds';
import {
  connectAll,
  deliveries,
  ROUND_TRIP_ROOM,
  roundTrips,
  settle,
  waitForUpgrades,
} from './measure';
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

const BENCH_ROOM = 'bench-room';

export async function runTrial(
  kind: Kind,
  compiled: Compiled,
  options: TrialOptions,
): Promise<Metrics> {
  const setup = SETUP[kind];
  const { clients: count, log } = options;
  const entry = compiled.entry(setup.file, setup.baseline);
  const server = await startChildServer(entry, setup.args, SERVER_ENV);
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
            ...(setup.transports ? { transports: setup.transports } : {}),
            ...(cookie ? { cookie } : {}),
          };
    const tallies = new Tallies();

    const beforeConnect = await server.usage();
    const connectStart = performance.now();
    await connectAll(server.url, clientKind, count, tallies, clients);
    if (setup.library === 'socket.io' && setup.transports?.[0] !== 'websocket') {
      await waitForUpgrades(clients, log);
    }
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
