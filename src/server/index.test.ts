import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { connectClient, waitFor } from '../../test/helpers/testServer';

const ROOT = path.resolve(__dirname, '../..');

/** Runs src/server/index.ts as `npm start` does, collecting what it prints. */
function startProcess(env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['-r', 'ts-node/register', 'src/server/index.ts'],
    { cwd: ROOT, env: { ...process.env, ...env } },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

describe('the server process', () => {
  it('prints its address, then on SIGTERM drops its clients and exits 0', async () => {
    const server = startProcess({ PORT: '0' });
    try {
      await waitFor(
        () => /Server running at http:\/\/localhost:\d+/.test(server.output()),
        'start',
      );
      const port = /localhost:(\d+)/.exec(server.output())?.[1];
      const client = await connectClient(`http://127.0.0.1:${port}`);
      const disconnected = new Promise<string>((resolve) => client.on('disconnect', resolve));

      server.child.kill('SIGTERM');

      expect(await server.exited).toBe(0);
      // A closed transport, not a server-side disconnect, so clients keep trying and find the next server.
      expect(await disconnected).toBe('transport close');
      expect(server.output()).toContain('SIGTERM received: shutting down.');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('refuses a bad PORT with a readable message and exit code 1', async () => {
    const server = startProcess({ PORT: 'eighty' });

    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT must be a whole number from 0 to 65535, got "eighty".');
  });
});
