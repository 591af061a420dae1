// Turns the trials into the table: per metric, the median over the rounds of each kind's value, and the median
// of the ratios app / other taken within each round (paired, so a round that ran slow for everyone cancels out).
import { KINDS, type Kind } from './kinds';
import { median } from './percentile';
import type { Metrics } from './trial';

export type Round = Partial<Record<Kind, Metrics>>;

interface MetricView {
  key: keyof Metrics;
  label: string;
  unit: string;
  /** What the stored value is divided by for display (bytes to KiB...). */
  scale: number;
  digits: number;
}

const KIB = 1024;
export const metricViews = (clients: number, roomSize: number): MetricView[] => [
  {
    key: 'fanoutMs',
    label: `broadcast to ${clients}: last arrival`,
    unit: 'ms',
    scale: 1,
    digits: 1,
  },
  { key: 'fanoutCpuMicros', label: 'broadcast: CPU per delivery', unit: 'µs', scale: 1, digits: 2 },
  { key: 'roomMs', label: `room of ${roomSize}: last arrival`, unit: 'ms', scale: 1, digits: 2 },
  { key: 'roomCpuMicros', label: 'room: CPU per delivery', unit: 'µs', scale: 1, digits: 2 },
  { key: 'roundTripP50Ms', label: 'chat round trip p50', unit: 'ms', scale: 1, digits: 3 },
  { key: 'roundTripP99Ms', label: 'chat round trip p99', unit: 'ms', scale: 1, digits: 3 },
  {
    key: 'connectCpuMicros',
    label: 'connect: CPU per connection',
    unit: 'µs',
    scale: 1,
    digits: 0,
  },
  {
    key: 'connectAllMs',
    label: `connect ${clients}: wall time`,
    unit: 's',
    scale: 1000,
    digits: 2,
  },
  {
    key: 'heapPerConnection',
    label: 'heap per idle connection',
    unit: 'KiB',
    scale: KIB,
    digits: 2,
  },
  { key: 'rssPerConnection', label: 'RSS per idle connection', unit: 'KiB', scale: KIB, digits: 2 },
  { key: 'idleRss', label: 'RSS with no clients', unit: 'MiB', scale: KIB * KIB, digits: 1 },
];

const OTHERS = ['socketio-default', 'socketio-websocket', 'ws', 'app-before'] as const;
const RATIO_HEADERS: Record<(typeof OTHERS)[number], string> = {
  'socketio-default': 'app/default',
  'socketio-websocket': 'app/ws-only',
  ws: 'app/ws',
  'app-before': 'app/before',
};

export interface Summary {
  metric: keyof Metrics;
  label: string;
  unit: string;
  median: Partial<Record<Kind, number>>;
  /** The median over rounds of app / other, within each round. */
  appOver: Partial<Record<(typeof OTHERS)[number], number>>;
}

/** The kinds measured in every round, in the table's order. */
const kindsIn = (rounds: Round[]): Kind[] =>
  KINDS.filter((kind) => rounds.every((round) => round[kind] !== undefined));

export function summarise(rounds: Round[], views: MetricView[]): Summary[] {
  const kinds = kindsIn(rounds);
  const value = (round: Round, kind: Kind, key: keyof Metrics) => round[kind]?.[key] ?? NaN;
  return views.map(({ key, label, unit }) => ({
    metric: key,
    label,
    unit,
    median: Object.fromEntries(
      kinds.map((kind) => [kind, median(rounds.map((round) => value(round, kind, key)))]),
    ),
    appOver: Object.fromEntries(
      OTHERS.filter((other) => kinds.includes(other)).map((other) => [
        other,
        median(rounds.map((round) => value(round, 'app', key) / value(round, other, key))),
      ]),
    ),
  }));
}

export function table(summaries: Summary[], views: MetricView[]): string {
  const kinds = KINDS.filter((kind) => summaries[0]?.median[kind] !== undefined);
  const others = OTHERS.filter((other) => kinds.includes(other));
  const header = ['metric', 'unit', ...kinds, ...others.map((other) => RATIO_HEADERS[other])];
  const rows = summaries.map((summary, i) => {
    const { scale, digits } = views[i];
    const ratio = (value: number | undefined) =>
      value !== undefined && Number.isFinite(value) ? value.toFixed(2) : 'n/a';
    return [
      summary.label,
      summary.unit,
      ...kinds.map((kind) => ((summary.median[kind] ?? NaN) / scale).toFixed(digits)),
      ...others.map((other) => ratio(summary.appOver[other])),
    ];
  });
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => row[column].length)),
  );
  // The label column reads left-aligned, the numbers right-aligned so their digits line up.
  const line = (row: string[]) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]),
      )
      .join('  ');
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
