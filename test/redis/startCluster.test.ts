import net from 'node:net';
import { IO_CLIENT_CHAT, IO_CLIENT_JOIN_ROOM, IO_SERVER_CHAT } from '../../src/shared/messages';
import { hasRedis } from '../helpers/redisServer';
import { freePort, runProcess } from '../helpers/serverProcess';
import { startSession } from '../helpers/session';
import { collect, connectClient, waitFor } from '../helpers/testServer';

const describeWithRedis = hasRedis ? describe : describe.skip;

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** Two consecutive free ports, for a cluster of two. */
async function twoFreePorts(): Promise<number> {
  for (;;) {
    const port = await freePort();
    if (port < 65535 && (await isFree(port + 1))) return port;
  }
}

describeWithRedis('npm run start:cluster', () => {
  it('starts two processes on consecutive ports that share rooms through its own Redis', async () => {
    const base = await twoFreePorts();
    const cluster = runProcess(
      'npm',
      ['run', 'start:cluster', '--', '--processes', '2', '--skip-build'],
      {
        PORT: String(base),
      },
    );
    await waitFor(
      () => (cluster.output().match(/Server running at/g) ?? []).length === 2,
      'both servers',
      30_000,
    );

    // Alice's session comes from the first process and is valid on both: they share one SESSION_SECRET.
    const alice = await connectClient(`http://127.0.0.1:${base}`, { name: 'alice' });
    const bob = await connectClient(`http://127.0.0.1:${base + 1}`, { name: 'bob' });
    const aliceOnTwo = await connectClient(`http://127.0.0.1:${base + 1}`, {
      extraHeaders: { cookie: (await startSession(`http://127.0.0.1:${base}`, 'alice')).cookie },
    });
    aliceOnTwo.disconnect();
    await Promise.all(
      [alice, bob].map((s) => s.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'attic')),
    );
    const toBob = collect(bob, IO_SERVER_CHAT);
    await alice
      .timeout(5000)
      .emitWithAck(IO_CLIENT_CHAT, { room: 'attic', text: 'across processes' });
    await waitFor(() => toBob.length === 1, "bob's copy");

    expect(toBob[0]).toMatchObject({ from: 'alice', text: 'across processes' });
    alice.disconnect();
    bob.disconnect();
    // Ctrl-C reaches the whole group, as in a terminal: every server shuts down and frees its port.
    await cluster.stop('SIGINT');
    expect(cluster.output().match(/received: shutting down/g)).toHaveLength(2);
    expect([await isFree(base), await isFree(base + 1)]).toEqual([true, true]);
  });
});
