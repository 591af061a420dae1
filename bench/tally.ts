// Counts the copies of a message as they arrive at the clients, and notes when the last expected one came in:
// one Map lookup per received message, so counting costs the same whichever server sent it.
import { performance } from 'node:perf_hooks';
import type { Inbox } from './clients';

interface Tally {
  target: number;
  /** Count only this client's copies (a round trip waits for the sender's own). */
  only?: number;
  count: number;
  resolve: (lastAt: number) => void;
}

export class Tallies {
  private readonly open = new Map<string, Tally>();

  readonly inbox: Inbox = (client, text) => {
    const tally = this.open.get(text);
    if (!tally || (tally.only !== undefined && tally.only !== client)) return;
    tally.count += 1;
    if (tally.count < tally.target) return;
    this.open.delete(text);
    tally.resolve(performance.now());
  };

  /** Resolves with performance.now() at the arrival of the target-th copy of `text`. */
  expect(text: string, target: number, timeoutMs: number, only?: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const count = this.open.get(text)?.count ?? 0;
        this.open.delete(text);
        reject(
          new Error(`Only ${count} of ${target} copies of "${text}" arrived in ${timeoutMs} ms.`),
        );
      }, timeoutMs);
      this.open.set(text, {
        target,
        only,
        count: 0,
        resolve: (lastAt) => {
          clearTimeout(timer);
          resolve(lastAt);
        },
      });
    });
  }
}
