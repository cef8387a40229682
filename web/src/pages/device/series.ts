import type { TelemetrySeries } from '../../api';

/**
 * Chartable series keys: `component/capability.member` (component and members optional), one per
 * numeric or boolean leaf of a telemetry value. The history API takes the same capability path.
 */
export function leaves(value: unknown, prefix: string, visit: (key: string, n: number) => void) {
  if (typeof value === 'number' && Number.isFinite(value)) visit(prefix, value);
  else if (typeof value === 'boolean') visit(prefix, value ? 1 : 0);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix + '.' + k, visit);
  }
}

export function seriesKey(component: string | undefined, name: string) {
  return (component ? component + '/' : '') + name;
}

/** What the UI knows about a chartable key from the device's series list. */
export interface KeyInfo {
  label: string;
  modeled: boolean;
  /** Whether the last value at this key is a number or boolean (text and objects are not charted). */
  chartable: boolean;
}

/** Labels for every chartable key of the series list: the model's display name when modeled. */
export function keyInfo(series: TelemetrySeries[]): Map<string, KeyInfo> {
  const out = new Map<string, KeyInfo>();
  for (const s of series) {
    const base = seriesKey(s.component, s.name);
    const title = (s.component ? s.component + ' / ' : '') + (s.displayName || s.name);
    leaves(s.value, base, (key) => out.set(key, { label: title + key.slice(base.length).replace(/\./g, ' · '), modeled: s.modeled, chartable: true }));
    if (!out.has(base)) out.set(base, { label: title, modeled: s.modeled, chartable: false });
  }
  return out;
}

/** The chartable keys of the series whose last value came at or after `since` (ms). */
export function recentKeys(series: TelemetrySeries[], since: number): string[] {
  const out: string[] = [];
  for (const s of series) {
    if (Date.parse(s.timestamp) >= since) leaves(s.value, seriesKey(s.component, s.name), (key) => out.push(key));
  }
  return out;
}
