import http from 'node:http';
import net from 'node:net';
import { gracefulShutdown } from './shutdown';
import { connectClient, startTestServer } from '../../../test/helpers/testServer';

/** A raw connection that has sent half a request: the server cannot answer it, only close it. */
function halfRequest(port: number): Promise<net.Socket> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      // The server resets it on shutdown; that reset is what this test waits for, not a failure.
      socket.on('error', () => undefined);
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      resolve(socket);
    });
  });
}

describe('gracefulShutdown', () => {
  it('tells clients at once, ends idle and half-open connections, and resolves 0', async () => {
    const server = await startTestServer();
    const shutDown = gracefulShutdown(server.httpServer, server.io, () => undefined, 5000);
    const client = await connectClient(server.url);
    const told = new Promise((resolve) => client.on('disconnect', resolve));
    const agent = new http.Agent({ keepAlive: true });
    await fetch(`${server.url}/`); // a keep-alive connection left idle in the agent below, too
    await new Promise((resolve) =>
      http.get(`${server.url}/`, { agent }, (res) => res.resume().on('end', resolve)),
    );
    const stuck = await halfRequest(server.port);
    const stuckClosed = new Promise((resolve) => stuck.on('close', resolve));

    await expect(shutDown()).resolves.toBe(0);

    expect(await told).toBe('transport close');
    await stuckClosed;
    await expect(connectClient(server.url)).rejects.toThrow();
    agent.destroy();
  });

  it('gives the same answer when called twice', async () => {
    const server = await startTestServer();
    const shutDown = gracefulShutdown(server.httpServer, server.io, () => undefined, 5000);

    const [first, second] = await Promise.all([shutDown(), shutDown()]);
    expect([first, second]).toEqual([0, 0]);
  });
});
