import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Proxy {
  url: string;
  /** How many websocket upgrades it refused. */
  refusedUpgrades(): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP proxy in front of a server that passes every request and refuses every websocket upgrade
 * with 403, as some corporate proxies and old load balancers do: what the client's polling fallback is for.
 */
export async function startProxyWithoutWebsockets(targetPort: number): Promise<Proxy> {
  let refused = 0;
  const proxy = http.createServer((req, res) => {
    const forwarded = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  proxy.on('upgrade', (_req, socket) => {
    refused += 1;
    socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refusedUpgrades: () => refused,
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
