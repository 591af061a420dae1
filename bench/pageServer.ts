// Starts one page server of the benchmark and times it from spawn to its first 200 on `/`, which is when a
// person's browser would first get a page, whatever the server prints or does before.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { freePort, runProcess, type RunningProcess } from '../test/helpers/serverProcess';
import type { PageServer } from './pageLoadArgs';

/** Short enough to see a few milliseconds of difference, long enough not to busy the CPU the server starts on. */
const POLL_MS = 5;
/** ts-node compiling a cold project takes seconds; anything past this is a server that will not come up. */
const START_TIMEOUT_MS = 30_000;
/** One poll never waits longer than this, so a server that accepts and then hangs cannot stall the loop. */
const REQUEST_TIMEOUT_MS = 2_000;

export interface StartedPageServer {
  server: PageServer;
  process: RunningProcess;
  port: number;
  url: string;
  /** From just before spawn() to the first 200 on `/`. */
  startMs: number;
}

/** The status of GET url, or the error's code (ECONNREFUSED while nothing listens yet). */
function statusOf(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    // agent: false, so no poll reuses a connection an earlier one opened and every one sees the server afresh.
    const request = http.get(url, { agent: false, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume(); // read the page to its end, as a browser would, and free the socket
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

export async function startPageServer(
  server: PageServer,
  env: Record<string, string>,
): Promise<StartedPageServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const started = performance.now();
  const child = runProcess(
    'sh',
    ['-c', server.command],
    { ...env, PORT: String(port), NODE_ENV: 'production' },
    server.dir,
  );
  let last: number | string = 'nothing yet';
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (child.child.exitCode !== null || child.child.signalCode !== null) {
        throw new Error(`${server.name} exited before it answered.`);
      }
      last = await statusOf(url);
      if (last === 200) {
        return { server, process: child, port, url, startMs: performance.now() - started };
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new Error(`${server.name} did not answer 200 on ${url} within ${START_TIMEOUT_MS} ms.`);
  } catch (error) {
    await child.stop('SIGKILL');
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`${why} Last answer: ${last}. It printed:\n${child.output() || '(nothing)'}`, {
      cause: error,
    });
  }
}
