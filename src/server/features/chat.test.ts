import { IO_CLIENT_CHAT, IO_SERVER_CHAT, IO_SERVER_ERROR } from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import { collect, roundTrip, serverPerTest } from '../../../test/helpers/testServer';

const running = serverPerTest();
const member = (name: string, room?: string) => running.client({ name, room });

const chat = (socket: TestClient, request: unknown) =>
  socket.timeout(5000).emitWithAck(IO_CLIENT_CHAT, request as { room: string; text: string });

describe('IO_CLIENT_CHAT', () => {
  it("sends the message to the room's members only, from the sender's name", async () => {
    const alice = await member('alice', 'lobby');
    const bob = await member('bob', 'lobby');
    const carol = await member('carol', 'kitchen');
    const [toAlice, toBob, toCarol] = [alice, bob, carol].map((s) => collect(s, IO_SERVER_CHAT));

    const answer = await chat(alice, { room: 'lobby', text: 'hi all' });
    await Promise.all([roundTrip(bob), roundTrip(carol)]);

    expect(answer).toEqual({ ok: true, at: expect.any(Number) });
    const message = { room: 'lobby', from: 'alice', text: 'hi all', at: answer.ok && answer.at };
    expect(toAlice).toEqual([message]);
    expect(toBob).toEqual([message]);
    expect(toCarol).toEqual([]);
  });

  it.each([
    [
      'a room the sender has not joined',
      { room: 'kitchen', text: 'hi' },
      'Join room kitchen before sending to it.',
    ],
    [
      'an empty text',
      { room: 'lobby', text: '  ' },
      'The message is empty: write 1 to 500 characters.',
    ],
    [
      '501 characters',
      { room: 'lobby', text: 'x'.repeat(501) },
      'The message is 501 characters long: use at most 500.',
    ],
    [
      'a text that is not text',
      { room: 'lobby', text: 5 },
      'The message is empty: write 1 to 500 characters.',
    ],
    [
      'a bad room name',
      { room: 'no such', text: 'hi' },
      'The room name may only contain letters, digits, _ or -.',
    ],
    [
      'a payload that is not an object',
      'hi',
      'A room name must be text of 1 to 64 letters, digits, _ or -.',
    ],
    ['null', null, 'A room name must be text of 1 to 64 letters, digits, _ or -.'],
  ])('refuses %s in the ack and sends nothing', async (_kind, request, error) => {
    const alice = await member('alice', 'lobby');
    const bob = await member('bob', 'lobby');
    await member('carol', 'kitchen');
    const toBob = collect(bob, IO_SERVER_CHAT);

    expect(await chat(alice, request)).toEqual({ ok: false, error });
    await roundTrip(bob);
    expect(toBob).toEqual([]);
  });

  it('accepts exactly 500 characters', async () => {
    const alice = await member('alice', 'lobby');
    expect(await chat(alice, { room: 'lobby', text: 'x'.repeat(500) })).toMatchObject({ ok: true });
  });

  it('answers a refused chat sent without an ack with IO_SERVER_ERROR', async () => {
    const alice = await member('alice', 'lobby');
    const errors = collect(alice, IO_SERVER_ERROR);

    alice.emit(IO_CLIENT_CHAT, { room: 'kitchen', text: 'hi' });
    await roundTrip(alice);

    expect(errors).toEqual([
      { event: IO_CLIENT_CHAT, error: 'Join room kitchen before sending to it.' },
    ]);
  });
});
