import { IO_CLIENT_JOIN_ROOM } from '../../shared/messages';
import { serverPerTest } from '../../../test/helpers/testServer';

const running = serverPerTest();

describe('the display name checked at the handshake', () => {
  it('accepts a good name and keeps it on socket.data', async () => {
    const client = await running.client({ auth: { name: 'Ada Lovelace' } });
    await client.timeout(5000).emitWithAck(IO_CLIENT_JOIN_ROOM, 'lobby');

    const [serverSide] = running.server.io.sockets.sockets.values();
    expect(serverSide.data.name).toBe('Ada Lovelace');
    client.disconnect();
  });

  it.each([
    ['no name', {}, 'Choose a display name: 1 to 32 printable characters.'],
    ['a number', { name: 7 }, 'Choose a display name: 1 to 32 printable characters.'],
    [
      'spaces only',
      { name: '   ' },
      'The display name is empty: use 1 to 32 printable characters.',
    ],
    [
      '33 characters',
      { name: 'x'.repeat(33) },
      'The display name is 33 characters long: use at most 32.',
    ],
    [
      'a control character',
      { name: 'bad\u0007' },
      'The display name may only contain printable characters.',
    ],
    [
      'a bidi override',
      { name: 'abc\u202Edef' },
      'The display name may only contain printable characters.',
    ],
  ])('refuses %s with a readable connect_error', async (_kind, auth, message) => {
    await expect(running.client({ auth })).rejects.toThrow(message);
    expect(running.server.logs).not.toContain('[socket.io] A client connected.');
  });

  it('counts characters, not UTF-16 units: 32 emoji are a valid name', async () => {
    const client = await running.client({ auth: { name: '🙂'.repeat(32) } });
    expect(client.connected).toBe(true);
    client.disconnect();
  });
});
