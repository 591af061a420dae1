import { IO_CLIENT_CHAT, IO_CLIENT_JOIN_ROOM } from '../../shared/messages';
import { isServed } from '../../../test/helpers/rawClients';
import { joinPacket, openPollingSession } from '../../../test/helpers/pollingSession';
import { serverPerTest, waitFor } from '../../../test/helpers/testServer';

// Room for the test's own burst: these tests are about what the server sends, not what a client may send.
const running = serverPerTest({
  limits: {
    maxUnsentBytes: 20_000,
    eventsPerSecond: 1000,
    eventBurst: 1000,
    addressEventsPerSecond: 1000,
    addressEventBurst: 1000,
  },
});

describe('a client that stops reading', () => {
  it('is dropped, alone, once more than MAX_UNSENT_BYTES wait for it, and its queue goes with it', async () => {
    const stuck = await openPollingSession(running.server.url, 'stuck');
    await stuck.send(joinPacket('attic'));
    const chatter = await running.client({ name: 'chatter', room: 'attic' });
    const bystander = await running.client({ name: 'bystander' });

    // Each chat reaches the stuck session's queue; 300 of 100 characters are well over the 20,000 allowed.
    for (let i = 0; i < 300; i += 1) {
      const answer = await chatter.emitWithAck(IO_CLIENT_CHAT, {
        room: 'attic',
        text: `line ${i} `.padEnd(100, '.'),
      });
      expect(answer.ok).toBe(true);
    }

    await waitFor(
      () =>
        running.server.logs.some((line) => line.includes('Dropped a client that stopped reading')),
      'the log line of the drop',
    );
    const afterwards = await stuck.read();
    expect(afterwards.status).toBe(400); // "Session ID unknown": nothing of it is kept
    expect(running.server.logs.filter((line) => line.includes('Dropped a client'))).toHaveLength(1);
    expect(await isServed(chatter)).toBe(true);
    expect(await isServed(bystander)).toBe(true);
  });

  it('misses the hellos of others joining rather than queueing them, and still gets its own', async () => {
    const stuck = await openPollingSession(running.server.url, 'stuck');
    const joiner = await running.client({ name: 'joiner' });
    for (let i = 0; i < 200; i += 1) {
      expect((await joiner.emitWithAck(IO_CLIENT_JOIN_ROOM, 'lobby')).ok).toBe(true);
    }

    // Its own join queues its own three hellos, which the one read below then fetches with whatever else waits.
    await stuck.send(joinPacket('attic'));
    const queued = (await stuck.read()).body;
    // Today's queue would hold 201 of them; a volatile broadcast skips a session that is not reading.
    expect(queued.split('Hello everyone!').length - 1).toBe(1);
    expect(queued).toContain('Hello clients of room attic!');
    expect(queued).toContain('Hello you!');
  });
});
