// Cross-process delivery through Redis: two server processes share a redis-server; a client on the first sends
// COUNT chats to a room, a client on the second counts what arrives (missing, doubled, out of order) and how
// long each took. Both clients live in this process, so one clock times both ends. Loopback only, bounded.
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { IO_CLIENT_CHAT, IO_CLIENT_JOIN_ROOM, IO_SERVER_CHAT } from '../src/shared/messages';
import { startRedis } from '../test/helpers/redisServer';
import { startServerProcess } from '../test/helpers/serverProcess';
import { collect, connectClient, waitFor } from '../test/helpers/testServer';
import { percentile } from './percentile';
import { UNLIMITED_EVENTS } from './unlimited';

const COUNT = 2000;
// The sender is a benchmark, not a person: its server lifts the limits so the pipe is what gets measured.
const UNLIMITED = {
  ...UNLIMITED_EVENTS,
  NODE_ENV: 'production',
  // Production refuses to start without one; both processes share it, as they would behind a load balancer.
  SESSION_SECRET: crypto.randomBytes(32).toString('base64url'),
};

async function main(): Promise<void> {
  const redis = await startRedis();
  const [one, two] = await Promise.all([
    startServerProcess(0, { ...UNLIMITED, REDIS_URL: redis.url }),
    startServerProcess(0, { ...UNLIMITED, REDIS_URL: redis.url }),
  ]);
  try {
    const sender = await connectClient(`http://127.0.0.1:${one.port}`, {});
    const receiver = await connectClient(`http://127.0.0.1:${two.port}`, {});
    await Promise.all(
      [sender, receiver].map((s) => s.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'bench')),
    );
    const received = collect(receiver, IO_SERVER_CHAT);
    const arrivedAt: number[] = [];
    receiver.on(IO_SERVER_CHAT, () => arrivedAt.push(performance.now()));

    const sentAt: number[] = [];
    const start = performance.now();
    for (let i = 0; i < COUNT; i += 1) {
      sentAt.push(performance.now());
      sender.emit(IO_CLIENT_CHAT, { room: 'bench', text: String(i) });
    }
    await waitFor(() => received.length >= COUNT, 'every message', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for any duplicate to show up
    const seconds = (performance.now() - start) / 1000;

    const numbers = received.map(({ text }) => Number(text));
    const inOrder = numbers.every((n, i) => n === i);
    const latencies = numbers.map((n, i) => arrivedAt[i] - sentAt[n]).sort((a, b) => a - b);
    const at = (p: number) => percentile(latencies, p).toFixed(1);
    console.log(
      `sent ${COUNT}, received ${received.length}, distinct ${new Set(numbers).size}, in order: ${inOrder}`,
    );
    console.log(
      `throughput ${(COUNT / seconds).toFixed(0)} messages/s; latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`,
    );

    // One at a time: what a single message costs across processes when nothing else is queued.
    const single: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const arrived = new Promise((resolve) => receiver.once(IO_SERVER_CHAT, resolve));
      const t0 = performance.now();
      sender.emit(IO_CLIENT_CHAT, { room: 'bench', text: `single ${i}` });
      await arrived;
      single.push(performance.now() - t0);
    }
    single.sort((a, b) => a - b);
    console.log(
      `one at a time (200): p50 ${percentile(single, 0.5).toFixed(2)} ms, p99 ${percentile(single, 0.99).toFixed(2)} ms`,
    );
    sender.disconnect();
    receiver.disconnect();
  } finally {
    await Promise.all([one.stop(), two.stop()]);
    await redis.stop();
  }
}

void main();
