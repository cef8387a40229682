import { get } from '../../api';
import type { Series } from '../../ui/Chart';

/** The answer of GET …/telemetry/{name}/history (an OpenCentral extension). */
export type History =
  | { kind: 'points'; points: { timestamp: string; value: unknown }[] }
  | { kind: 'buckets'; width: string; buckets: { start: string; count: number; min: number; max: number; avg: number; first: number; last: number }[] };

export interface Range {
  from: Date;
  to: Date;
}

/** Windows ending now, by the id of their button. */
export const WINDOW_MS: Record<string, number> = { '30m': 30 * 60_000, '12h': 12 * 3_600_000, '7d': 7 * 86_400_000 };

/** The history path of a live series key (`component/capability.member` or `capability`). */
export function historyPath(deviceId: string, key: string, range: Range, maxPoints: number) {
  const slash = key.indexOf('/');
  const component = slash < 0 ? '' : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  const base = '/devices/' + encodeURIComponent(deviceId) + (component ? '/components/' + encodeURIComponent(component) : '');
  const query = new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), maxPoints: String(maxPoints) });
  return `${base}/telemetry/${encodeURIComponent(name)}/history?${query}`;
}

export function fetchHistory(deviceId: string, key: string, range: Range, maxPoints: number, signal: AbortSignal) {
  return get<History>(historyPath(deviceId, key, range, maxPoints), signal).then(toSeries);
}

/** Points become a line; buckets a line of averages (at each bucket's middle) inside a min/max band. */
export function toSeries(h: History): Series {
  if (h.kind === 'points') {
    const numeric = h.points.filter((p) => typeof p.value === 'number' || typeof p.value === 'boolean');
    return { t: numeric.map((p) => Date.parse(p.timestamp) / 1000), v: numeric.map((p) => Number(p.value)) };
  }
  const half = durationSeconds(h.width) / 2;
  return {
    t: h.buckets.map((b) => Date.parse(b.start) / 1000 + half),
    v: h.buckets.map((b) => b.avg),
    min: h.buckets.map((b) => b.min),
    max: h.buckets.map((b) => b.max),
  };
}

/** Seconds of an ISO-8601 duration as Java prints it (`PT5M`, `PT0.5S`, `PT24H`). */
export function durationSeconds(iso: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!m) return 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
