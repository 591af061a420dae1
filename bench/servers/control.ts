// The part every benchmarked server process shares: it listens on 127.0.0.1 at a free port, says which, and
// answers the benchmark's IPC requests (measure, broadcast). Each server file supplies only its broadcast.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ControlReply, ControlRequest, ReadyMessage, Usage } from '../protocol';

function usage(gc: boolean): Usage {
  // Started with --expose-gc; twice, because the first collection may leave garbage its finalizers made.
  if (gc && global.gc) {
    global.gc();
    global.gc();
  }
  const { heapUsed, rss } = process.memoryUsage();
  const { user, system } = process.cpuUsage();
  return { heapUsed, rss, cpuMicros: user + system };
}

function send(message: ControlReply | ReadyMessage): void {
  if (!process.send)
    throw new Error('A benchmark server runs as a child process with an IPC channel.');
  process.send(message);
}

export function serveControl(httpServer: http.Server, broadcast: (text: string) => unknown): void {
  process.on('message', (request: ControlRequest) => {
    void (async () => {
      if (request.type === 'usage') {
        send({ id: request.id, type: 'usage', usage: usage(request.gc) });
      } else {
        await broadcast(request.text);
        send({ id: request.id, type: 'sent' });
      }
    })();
  });
  // The benchmark going away (even by SIGKILL) closes the channel: nothing is left to serve.
  process.on('disconnect', () => process.exit(0));
  httpServer.listen(0, '127.0.0.1', () => {
    send({ type: 'ready', port: (httpServer.address() as AddressInfo).port });
  });
}
