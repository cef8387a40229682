// The series a replay chart draws: a telemetry item's values over the range, or for an aggregated
// rule its aggregate per tumbling window (aligned to the epoch, as the rule engine's), at each window's end.
import { get } from '../../api';
import { durationSeconds, History, historyPath, toSeries } from '../device/history';
import type { Series } from '../../ui/Chart';
import { Aggregation } from './ruleApi';

/** The most points the history API answers before it buckets them. */
const MAX_POINTS = 5000;

/** Per window (its start, seconds): count, sum, min and max of what fell in it. */
type Acc = { count: number; sum: number; min: number; max: number };

function add(windows: Map<number, Acc>, start: number, count: number, sum: number, min: number, max: number) {
  const w = windows.get(start);
  if (!w) windows.set(start, { count, sum, min, max });
  else windows.set(start, { count: w.count + count, sum: w.sum + sum, min: Math.min(w.min, min), max: Math.max(w.max, max) });
}

function pick(a: Acc, aggregation: Aggregation): number {
  switch (aggregation) {
    case 'avg': return a.sum / a.count;
    case 'min': return a.min;
    case 'max': return a.max;
    case 'sum': return a.sum;
    case 'count': return a.count;
  }
}

/**
 * Aggregates a history answer into windows of `windowSeconds`. Points are exact; buckets (a long range)
 * are counted whole in the window of their start, so a bucket wider than the window blurs it.
 */
export function windowed(h: History, windowSeconds: number, aggregation: Aggregation): Series {
  const windows = new Map<number, Acc>();
  const startOf = (seconds: number) => Math.floor(seconds / windowSeconds) * windowSeconds;
  if (h.kind === 'points') {
    for (const p of h.points) {
      const v = typeof p.value === 'number' ? p.value : typeof p.value === 'boolean' ? Number(p.value) : NaN;
      const t = Date.parse(p.timestamp) / 1000;
      if (aggregation === 'count') add(windows, startOf(t), 1, 0, 0, 0);
      else if (Number.isFinite(v)) add(windows, startOf(t), 1, v, v, v);
    }
  } else {
    for (const b of h.buckets) add(windows, startOf(Date.parse(b.start) / 1000), b.count, b.avg * b.count, b.min, b.max);
  }
  const starts = [...windows.keys()].sort((a, b) => a - b);
  return { t: starts.map((s) => s + windowSeconds), v: starts.map((s) => pick(windows.get(s)!, aggregation)) };
}

/** The values of `key` (`component/name` or `name`) for one device over the range, aggregated when the rule has a window. */
export async function replaySeries(device: string, key: string, from: Date, to: Date, window?: { iso: string; aggregation: Aggregation }): Promise<Series> {
  const h = await get<History>(historyPath(device, key, { from, to }, MAX_POINTS));
  if (window) return windowed(h, durationSeconds(window.iso), window.aggregation);
  return toSeries(h);
}
