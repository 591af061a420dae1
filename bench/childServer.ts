// One benchmarked server in its own process: started with `node --expose-gc`, driven over IPC, and always
// killed, whether the benchmark finishes, fails or is interrupted.
import { spawn, type ChildProcess } from 'node:child_process';
import type { ControlReply, ControlRequest, ReadyMessage, Usage } from './protocol';

const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 20_000;
/** Enough of a server's output to say why it failed, without keeping every log line of a long run. */
const OUTPUT_TAIL_CHARS = 4000;

const children = new Set<ChildProcess>();
const killAll = () => children.forEach((child) => child.kill('SIGKILL'));
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

type Request = { type: 'usage'; gc: boolean } | { type: 'broadcast'; text: string };

export interface ChildServer {
  url: string;
  usage(gc?: boolean): Promise<Usage>;
  /** Resolves once the server has handed the notification to every socket. */
  broadcast(text: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startChildServer(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--expose-gc', entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));

  const pending = new Map<number, (reply: ControlReply) => void>();
  let nextId = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${entry} did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    child.on('message', (message: ControlReply | ReadyMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.port);
      } else pending.get(message.id)?.(message);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited:\n${output}`));
    });
  });

  const request = (body: Request) =>
    new Promise<ControlReply>((resolve, reject) => {
      const id = (nextId += 1);
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`The server did not answer ${body.type} in time:\n${output}`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, (reply) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(reply);
      });
      child.send({ id, ...body } satisfies ControlRequest);
    });

  return {
    url: `http://127.0.0.1:${port}`,
    async usage(gc = false) {
      const reply = await request({ type: 'usage', gc });
      if (reply.type !== 'usage') throw new Error('The server answered a usage request wrongly.');
      return reply.usage;
    },
    async broadcast(text) {
      await request({ type: 'broadcast', text });
    },
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
