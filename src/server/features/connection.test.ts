import {
  IO_CLIENT_HELLO,
  IO_CLIENT_JOIN_ROOM,
  IO_SERVER_ERROR,
  IO_SERVER_HELLO,
} from '../../shared/messages';
import type { TestClient } from '../../../test/helpers/testClient';
import { LOG_TEXT_MAX_LENGTH } from '../logText';
import { collect, roundTrip, serverPerTest, waitFor } from '../../../test/helpers/testServer';

const running = serverPerTest();
const client = () => running.client();

const join = (socket: TestClient, room: unknown) =>
  socket.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, room as string);

describe('IO_CLIENT_JOIN_ROOM', () => {
  it('sends the joining client all three hellos, in order, and acks the room', async () => {
    const alice = await client();
    const hellos = collect(alice, IO_SERVER_HELLO);
    const scopes: string[] = [];
    alice.on(IO_SERVER_HELLO, (_text, scope) => scopes.push(scope));

    const answer = await join(alice, 'hello-1234');
    await roundTrip(alice);

    expect(answer).toEqual({ ok: true, room: 'hello-1234' });
    expect(hellos).toEqual(['Hello everyone!', 'Hello clients of room hello-1234!', 'Hello you!']);
  });

  it('sends a client already in the room the first two hellos, not "Hello you!"', async () => {
    const alice = await client();
    await join(alice, 'lobby');
    const hellos = collect(alice, IO_SERVER_HELLO);

    await join(await client(), 'lobby');
    await roundTrip(alice);

    expect(hellos).toEqual(['Hello everyone!', 'Hello clients of room lobby!']);
  });

  it('sends a client in another room, or in none, only "Hello everyone!"', async () => {
    const inOtherRoom = await client();
    await join(inOtherRoom, 'elsewhere');
    const inNoRoom = await client();
    const otherHellos = collect(inOtherRoom, IO_SERVER_HELLO);
    const noRoomHellos = collect(inNoRoom, IO_SERVER_HELLO);

    await join(await client(), 'lobby');
    await Promise.all([roundTrip(inOtherRoom), roundTrip(inNoRoom)]);

    expect(otherHellos).toEqual(['Hello everyone!']);
    expect(noRoomHellos).toEqual(['Hello everyone!']);
  });

  it('accepts a join without an ack', async () => {
    const alice = await client();
    const hellos = collect(alice, IO_SERVER_HELLO);

    alice.emit(IO_CLIENT_JOIN_ROOM, 'lobby');
    await waitFor(() => hellos.length === 3, 'three hellos');

    expect(running.server.logs).toContain('[socket.io] A client joined room lobby.');
  });

  it.each([
    ['an empty name', '', 'The room name is empty: use 1 to 64 letters, digits, _ or -.'],
    [
      'a name of 65 characters',
      'a'.repeat(65),
      'The room name is 65 characters long: use at most 64.',
    ],
    ['spaces', 'my room', 'The room name may only contain letters, digits, _ or -.'],
    ['a colon', 'room:lobby', 'The room name may only contain letters, digits, _ or -.'],
    ['a number', 1234, 'A room name must be text of 1 to 64 letters, digits, _ or -.'],
    ['an array', ['a', 'b'], 'A room name must be text of 1 to 64 letters, digits, _ or -.'],
    ['an object', { room: 'a' }, 'A room name must be text of 1 to 64 letters, digits, _ or -.'],
    ['null', null, 'A room name must be text of 1 to 64 letters, digits, _ or -.'],
  ])('refuses %s with a readable error and broadcasts nothing', async (_kind, room, error) => {
    const observer = await client();
    const observed = collect(observer, IO_SERVER_HELLO);
    const sender = await client();
    const received = collect(sender, IO_SERVER_HELLO);

    const answer = await join(sender, room);
    await roundTrip(observer);

    expect(answer).toEqual({ ok: false, error });
    expect(observed).toEqual([]);
    expect(received).toEqual([]);
    expect(running.server.logs.filter((line) => line.includes('joined'))).toEqual([]);
  });

  it('answers a bad join without an ack with IO_SERVER_ERROR, then keeps serving', async () => {
    const sender = await client();
    const errors = collect(sender, IO_SERVER_ERROR);
    sender.emit(IO_CLIENT_JOIN_ROOM, { not: 'a room' } as unknown as string);
    await roundTrip(sender);

    expect(errors).toEqual([
      {
        event: IO_CLIENT_JOIN_ROOM,
        error: 'A room name must be text of 1 to 64 letters, digits, _ or -.',
      },
    ]);
    expect(await join(sender, 'lobby')).toEqual({ ok: true, room: 'lobby' });
  });

  it("never reaches a client when another names a room after that client's id", async () => {
    const target = await client();
    const targetHellos = collect(target, IO_SERVER_HELLO);

    const answer = await join(await client(), target.id);
    await roundTrip(target);

    expect(answer).toEqual({ ok: true, room: target.id });
    expect(targetHellos).toEqual(['Hello everyone!']);
  });
});

describe('IO_CLIENT_HELLO', () => {
  it("logs the client's text", async () => {
    const alice = await client();
    alice.emit(IO_CLIENT_HELLO, 'Hello!');
    await roundTrip(alice);

    expect(running.server.logs).toContain('[socket.io] Client: Hello!');
  });

  // The log is one array entry per line here; on stdout a newline inside an entry would start a line of its own.
  const printedLines = () =>
    running.server.logs.flatMap((entry) => entry.split(/\r\n|[\n\r\u2028\u2029]/));

  it('logs a hello with a newline on one line, so it cannot forge a line of the server', async () => {
    const alice = await client();
    alice.emit(IO_CLIENT_HELLO, 'hi\nServer running at http://evil.example');
    await roundTrip(alice);

    expect(running.server.logs).toContain(
      '[socket.io] Client: hi\\nServer running at http://evil.example',
    );
    expect(printedLines().filter((line) => line.startsWith('Server running at'))).toEqual([]);
  });

  it('logs terminal escapes as visible text, never as escapes the terminal would run', async () => {
    const alice = await client();
    alice.emit(IO_CLIENT_HELLO, '\x1b[2J\x1b]0;owned\x07\u202egotcha');
    await roundTrip(alice);

    expect(running.server.logs).toContain(
      '[socket.io] Client: \\x1b[2J\\x1b]0;owned\\x07\\u202egotcha',
    );
    const raw = ['\x1b', '\x07', '\u202e'];
    expect(running.server.logs.filter((line) => raw.some((char) => line.includes(char)))).toEqual(
      [],
    );
  });

  it('logs a 60 KB hello cut at the cap, with the length it left out', async () => {
    const alice = await client();
    alice.emit(IO_CLIENT_HELLO, 'x'.repeat(60_000));
    await roundTrip(alice);

    const logged = running.server.logs.filter((line) => line.startsWith('[socket.io] Client:'));
    expect(logged).toEqual([
      `[socket.io] Client: ${'x'.repeat(LOG_TEXT_MAX_LENGTH)}…(+${60_000 - LOG_TEXT_MAX_LENGTH} chars)`,
    ]);
  });

  it('refuses a hello that is not text with IO_SERVER_ERROR and logs nothing', async () => {
    const alice = await client();
    const errors = collect(alice, IO_SERVER_ERROR);
    alice.emit(IO_CLIENT_HELLO, 42 as unknown as string);
    await roundTrip(alice);

    expect(errors).toEqual([{ event: IO_CLIENT_HELLO, error: 'A hello must be text.' }]);
    expect(running.server.logs.filter((line) => line.startsWith('[socket.io] Client:'))).toEqual(
      [],
    );
  });
});

describe('connection log', () => {
  it('logs each connect and disconnect', async () => {
    const alice = await client();
    alice.disconnect();
    await waitFor(() => running.server.logs.length === 2, 'the disconnect line');

    expect(running.server.logs).toEqual([
      '[socket.io] A client connected.',
      '[socket.io] A client disconnected.',
    ]);
  });
});
