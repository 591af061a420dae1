import { startServerProcess, runProcess } from '../../test/helpers/serverProcess';
import { connectClient, roundTrip } from '../../test/helpers/testServer';
import { IO_CLIENT_HELLO } from '../shared/messages';

describe('the server process', () => {
  it('prints its address, then on SIGTERM drops its clients and exits 0', async () => {
    const server = await startServerProcess();
    try {
      const client = await connectClient(`http://127.0.0.1:${server.port}`);
      const disconnected = new Promise<string>((resolve) => client.on('disconnect', resolve));

      expect(await server.stop('SIGTERM')).toBe(0);
      // A closed transport, not a server-side disconnect, so clients keep trying and find the next server.
      expect(await disconnected).toBe('transport close');
      expect(server.output()).toContain('SIGTERM received: shutting down.');
    } finally {
      await server.stop('SIGKILL');
    }
  });

  it('shuts down on SIGINT too, within SHUTDOWN_TIMEOUT_MS', async () => {
    const server = await startServerProcess(0, { SHUTDOWN_TIMEOUT_MS: '2000' });
    const client = await connectClient(`http://127.0.0.1:${server.port}`);

    expect(await server.stop('SIGINT')).toBe(0);
    expect(server.output()).toContain('SIGINT received: shutting down.');
    client.disconnect();
  });

  it("prints a client's hello on one line of stdout, its escapes made visible", async () => {
    const server = await startServerProcess();
    const client = await connectClient(`http://127.0.0.1:${server.port}`);
    client.emit(IO_CLIENT_HELLO, 'hi\nServer running at http://evil.example\x1b]0;owned\x07');
    await roundTrip(client);
    client.disconnect();
    await server.stop('SIGTERM');

    const lines = server.output().split('\n');
    expect(lines).toContain(
      '[socket.io] Client: hi\\nServer running at http://evil.example\\x1b]0;owned\\x07',
    );
    expect(lines.filter((line) => line.startsWith('Server running at'))).toHaveLength(1);
    expect(server.output()).not.toContain('\x1b');
    expect(server.output()).not.toContain('\x07');
  });

  it.each([
    [
      { MAX_MESSAGE_BYTES: 'lots' },
      'MAX_MESSAGE_BYTES must be a whole number from 1 to 104857600 in plain digits, got "lots".',
    ],
    [
      { PORT: '0x1F90' },
      'PORT must be a whole number from 0 to 65535 in plain digits, got "0x1F90".',
    ],
    [{ PORT: '1e3' }, 'PORT must be a whole number from 0 to 65535 in plain digits, got "1e3".'],
    [
      { SHUTDOWN_TIMEOUT_MS: '99999999999' },
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 1 to 2147483647 in plain digits, got "99999999999".',
    ],
    [
      { REDIS_URL: 'not-a-url' },
      'REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379; the value set is not a URL (it is not repeated here, as it may hold a password).',
    ],
    [
      { REDIS_URL: 'redis://' },
      'REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379; the value set has no host.',
    ],
    [
      { REDIS_URL: 'localhost:6379' },
      'REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379; the value set starts with "localhost:".',
    ],
    [
      { REDIS_URL: 'https://user:secret@redis.example' },
      'REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://127.0.0.1:6379; the value set starts with "https:".',
    ],
    [
      { NODE_ENV: 'production', SESSION_SECRET: '' },
      "SESSION_SECRET must be set when NODE_ENV=production, the same on every server process; make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
    ],
    [
      { SESSION_SECRET: 'hunter2' },
      "SESSION_SECRET is 7 characters long: use at least 32 random ones; make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
    ],
  ])('refuses %p with a sentence naming the variable, and exit code 1', async (env, sentence) => {
    const server = runProcess(
      process.execPath,
      ['-r', 'ts-node/register', 'src/server/index.ts'],
      env,
    );

    expect(await server.exited).toBe(1);
    expect(server.output()).toBe(`${sentence}\n`);
  });

  it('says which variable moves the port when the port is taken', async () => {
    const first = await startServerProcess();
    const second = runProcess(process.execPath, ['-r', 'ts-node/register', 'src/server/index.ts'], {
      PORT: String(first.port),
    });

    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(
      `Server could not start: port ${first.port} is in use by another program. Set PORT to move this server, for example PORT=${first.port + 1}.`,
    );
  });
});
