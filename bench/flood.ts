// How much a flood from one socket delays another client. The server, the flooder and the measuring client each
// run in their own process, as they would on a network: the bystander's round-trip time is sampled at the
// default rate limit's pace, first with the server idle, then while the flooder sends 10,000 joins.
// Loopback only; every loop is bounded.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { IO_CLIENT_JOIN_ROOM } from '../src/shared/messages';
import type { TestClient } from '../test/helpers/testClient';
import { runProcess, startServerProcess } from '../test/helpers/serverProcess';
import { connectClient, waitFor } from '../test/helpers/testServer';
import { percentile } from './percentile';

const SAMPLES = 40;
const PACE_MS = 60; // under the default 20 events a second
const FLOOD = 10_000;

async function sample(socket: TestClient): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    await socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'bench');
    times.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  return times.sort((a, b) => a - b);
}

const summary = (label: string, sorted: number[]) =>
  `${label}: p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p90 ${percentile(sorted, 0.9).toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms (${sorted.length} round trips)`;

async function main(): Promise<void> {
  const server = await startServerProcess(0, {
    NODE_ENV: 'production',
    SESSION_SECRET: crypto.randomBytes(32).toString('base64url'),
  });
  try {
    const url = `http://127.0.0.1:${server.port}`;
    const bystander = await connectClient(url);
    console.log(summary('idle', await sample(bystander)));

    const flooder = runProcess(process.execPath, [
      '-r',
      'ts-node/register',
      'bench/flooder.ts',
      url,
      String(FLOOD),
    ]);
    await waitFor(() => flooder.output().includes('flooding'), 'the flood to start', 20_000);
    console.log(summary('during a 10,000-join flood', await sample(bystander)));
    await flooder.exited;
    console.log(flooder.output().trim().split('\n').at(-1));
    bystander.disconnect();
  } finally {
    await server.stop();
  }
}

void main();
