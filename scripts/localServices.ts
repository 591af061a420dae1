// What scripts and tests share for running services on this machine: a free loopback port, and how to start a
// throwaway redis-server on one.
import net from 'node:net';

/** A port nothing listens on right now, for a process that must be told its port before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** redis-server's arguments for a local, throwaway instance: loopback only, nothing written to disk. */
export const redisServerArgs = (port: number): string[] => [
  '--port',
  String(port),
  '--bind',
  '127.0.0.1',
  '--save',
  '',
  '--appendonly',
  'no',
];
