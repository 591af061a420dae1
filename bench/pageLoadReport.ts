// The table bench/pageLoad.ts prints: per metric and server the median (the figure to compare, as one slow
// sample moves it least), p90 and min, and each median as a multiple of the first server's.
import { median, percentile } from './percentile';

export const METRICS = {
  startMs: 'start → first 200 (ms)',
  listenerMiB: 'idle RSS, listener (MiB)',
  groupMiB: 'idle RSS, group (MiB)',
  helloPageMs: 'goto → 3rd hello, page clock (ms)',
  helloBenchMs: 'goto → 3rd hello, bench clock (ms)',
} as const;

export type Metric = keyof typeof METRICS;
export type Samples = Record<Metric, number[]>;

export interface Summary {
  median: number;
  p90: number;
  min: number;
  /** This server's median over the first server's. */
  ratio: number;
}

export const emptySamples = (): Samples => ({
  startMs: [],
  listenerMiB: [],
  groupMiB: [],
  helloPageMs: [],
  helloBenchMs: [],
});

function summarise(values: number[], baseline: number): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const median = percentile(sorted, 0.5);
  return { median, p90: percentile(sorted, 0.9), min: sorted[0], ratio: median / baseline };
}

/** Summaries by metric, then by server name, in the order the servers were given. */
export function summariseAll(
  samples: Map<string, Samples>,
): Record<Metric, Record<string, Summary>> {
  const [first] = samples.values();
  const entries = (Object.keys(METRICS) as Metric[]).map((metric) => {
    const baseline = median(first[metric]);
    const byServer = [...samples].map(([name, values]) => [
      name,
      summarise(values[metric], baseline),
    ]);
    return [metric, Object.fromEntries(byServer)];
  });
  return Object.fromEntries(entries);
}

export function formatTable(summary: Record<Metric, Record<string, Summary>>): string {
  const names = Object.keys(summary.startMs);
  const nameWidth = Math.max(6, ...names.map((name) => name.length));
  const labelWidth = Math.max(...Object.values(METRICS).map((label) => label.length));
  const number = (value: number) => value.toFixed(1).padStart(9);
  const lines = [
    `${'metric'.padEnd(labelWidth)}  ${'server'.padEnd(nameWidth)}   median       p90       min    ratio`,
  ];
  for (const metric of Object.keys(METRICS) as Metric[]) {
    names.forEach((name, i) => {
      const { median, p90, min, ratio } = summary[metric][name];
      const label = i === 0 ? METRICS[metric] : '';
      lines.push(
        `${label.padEnd(labelWidth)}  ${name.padEnd(nameWidth)}${number(median)}${number(p90)}${number(min)}` +
          `${ratio.toFixed(2).padStart(9)}`,
      );
    });
  }
  return lines.join('\n');
}
