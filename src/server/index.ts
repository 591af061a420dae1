import type { AddressInfo } from 'node:net';
import { createApp } from './app';
import { readPort } from './readPort';

const SHUTDOWN_TIMEOUT_MS = 10_000;

function main(): void {
  const port = readPort(process.env.PORT);
  const { httpServer, io } = createApp();

  httpServer.on('error', (error) => {
    console.error(`Server could not start: ${error.message}`);
    process.exit(1);
  });
  httpServer.listen(port, () => {
    const { port: actual } = httpServer.address() as AddressInfo;
    console.log(`Server running at http://localhost:${actual}`);
  });

  // io.close() disconnects every client and closes the HTTP server; the timer is the limit, not the plan.
  const shutDown = (signal: NodeJS.Signals): void => {
    console.log(`${signal} received: shutting down.`);
    setTimeout(() => {
      console.error(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS} ms: exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    io.close(() => process.exit(0));
  };
  process.once('SIGTERM', shutDown);
  process.once('SIGINT', shutDown);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
