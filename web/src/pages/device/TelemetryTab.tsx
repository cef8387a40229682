import { useEffect, useState } from 'preact/hooks';
import { listTelemetrySeries, TelemetrySeries } from '../../api';
import { LiveStatus, LiveTelemetry } from '../../live';
import type { Series } from '../../ui/Chart';
import { Notice } from '../../ui/components';
import { CapabilityAdder, CustomRange } from './HistoryControls';
import { HistoryCharts } from './HistoryCharts';
import { Range, WINDOW_MS } from './history';
import { KeyInfo, keyInfo, leaves, seriesKey } from './series';
import { SeriesTable } from './SeriesTable';
import { LiveCharts } from './LiveCharts';

const MAX_POINTS = 5_000;
const MAX_MESSAGES = 500;
/** Times the series list is read again while live data shows series it does not have yet. */
const MAX_REFRESHES = 5;

/** Telemetry received live since the device page opened: a series per numeric capability, and the raw messages. */
export class TelemetryStore {
  readonly series = new Map<string, Series>();
  readonly messages: LiveTelemetry[] = [];
  /** The newest live value of each top-level member (`component/name`), to keep the series list current. */
  readonly latest = new Map<string, { value: unknown; time: string }>();
  /** The keys whose recent history was read into `series` (or is being read). */
  readonly filled = new Set<string>();

  add(t: LiveTelemetry) {
    this.messages.unshift(t);
    if (this.messages.length > MAX_MESSAGES) this.messages.length = MAX_MESSAGES;
    if (t.error || !t.body || typeof t.body !== 'object' || Array.isArray(t.body)) return;
    const time = Date.parse(t.time) / 1000;
    for (const [name, value] of Object.entries(t.body as Record<string, unknown>)) {
      const key = seriesKey(t.component, name);
      const known = this.latest.get(key);
      if (!known || Date.parse(known.time) <= Date.parse(t.time)) this.latest.set(key, { value, time: t.time });
      leaves(value, key, (leaf, n) => this.push(leaf, time, n));
    }
  }

  /** Puts the points of `history` that are older than the first live one before it. */
  fill(key: string, history: Series) {
    const s = this.series.get(key) ?? { t: [], v: [] };
    const first = s.t.length ? s.t[0] : Infinity;
    const older = history.t.findIndex((t) => t >= first);
    const end = older < 0 ? history.t.length : older;
    if (end === 0) return;
    s.t = history.t.slice(0, end).concat(s.t).slice(-MAX_POINTS);
    s.v = history.v.slice(0, end).concat(s.v).slice(-MAX_POINTS);
    this.series.set(key, s);
  }

  private push(key: string, time: number, value: number) {
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { t: [], v: [] }));
    s.t.push(time);
    s.v.push(value);
    if (s.t.length > MAX_POINTS) {
      s.t.splice(0, s.t.length - MAX_POINTS);
      s.v.splice(0, s.v.length - MAX_POINTS);
    }
  }
}

const WINDOWS = [
  { id: 'live', label: 'Live' },
  { id: '30m', label: '30 minutes' },
  { id: '12h', label: '12 hours' },
  { id: '7d', label: '7 days' },
  { id: 'custom', label: 'Custom…' },
];

/** The device's series (from the server) and its telemetry charts: live, or over a history window. */
export function TelemetryTab({ deviceId, templated, store, version, live }: { deviceId: string; templated: boolean; store: TelemetryStore; version: number; live: LiveStatus }) {
  const [mode, setMode] = useState('live');
  const [range, setRange] = useState<Range | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const { series, truncated, error, reload } = useSeries(deviceId, store);
  const info = keyInfo(series ?? []);
  const names = [...new Set([...info.keys(), ...store.series.keys(), ...extra])]
    .filter((k) => store.series.has(k) || extra.includes(k) || info.get(k)?.chartable).sort();
  const choose = (id: string) => {
    setMode(id);
    setRange(WINDOW_MS[id] ? ending(WINDOW_MS[id]) : null);
  };
  return (
    <div>
      <div class="toolbar" role="group" aria-label="Time window">
        {WINDOWS.map((w) => (
          <button key={w.id} type="button" class={w.id === mode ? 'primary' : 'secondary'} aria-pressed={w.id === mode}
            onClick={() => choose(w.id)}>
            {w.label}
          </button>
        ))}
        {WINDOW_MS[mode] && <button type="button" class="secondary" onClick={() => setRange(ending(WINDOW_MS[mode]))}>Refresh</button>}
      </div>
      {live === 'unavailable' && <Notice kind="warn">Live updates are unavailable: the server did not accept the live connection. Reload the page to retry.</Notice>}
      {truncated && series && (
        <Notice kind="warn">
          This device has sent more series than the server lists at once: the first {series.length.toLocaleString()} (by
          component and name) are shown. Choose a history window and add a capability by name to chart any other.
        </Notice>
      )}
      <SeriesTable series={series} templated={templated} error={error} onRetry={reload} />
      {mode === 'custom' && <CustomRange onShow={setRange} />}
      {mode !== 'live' && <CapabilityAdder onAdd={(n) => setExtra((e) => [...e, n])} />}
      {mode !== 'live' ? (
        names.length === 0 ? <Notice>The device has sent no numeric telemetry yet. Add a capability by name to see its history.</Notice>
          : range && <><p class="muted" data-testid="history-range">{range.from.toLocaleString()} – {range.to.toLocaleString()}</p>
            <HistoryCharts deviceId={deviceId} names={names} labels={labels(names, info)} range={range} /></>
      ) : (
        <LiveCharts deviceId={deviceId} store={store} version={version} series={series} info={info} />
      )}
    </div>
  );
}

/** The series list, read again (a few times, a second apart) while live data names series it lacks. */
function useSeries(deviceId: string, store: TelemetryStore) {
  const [listed, setSeries] = useState<TelemetrySeries[] | null>(null);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refreshes, setRefreshes] = useState(0);
  const load = (signal?: AbortSignal) => listTelemetrySeries(deviceId, signal).then(
    (s) => { setSeries(s.value); setTruncated(s.truncated); setError(null); },
    (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [deviceId]);
  const series = listed && withLive(listed, store);
  const listedKeys = new Set((series ?? []).map((s) => seriesKey(s.component, s.name)));
  const missing = series ? [...store.latest.keys()].filter((k) => !listedKeys.has(k)).length : 0;
  useEffect(() => {
    if (missing === 0 || refreshes >= MAX_REFRESHES) return;
    const timer = setTimeout(() => load().finally(() => setRefreshes((n) => n + 1)), 1000);
    return () => clearTimeout(timer);
  }, [missing, refreshes]);
  return { series, truncated, error, reload: () => { setRefreshes(0); load(); } };
}

/** The listed series with the values that arrived live since they were read. */
function withLive(series: TelemetrySeries[], store: TelemetryStore): TelemetrySeries[] {
  return series.map((s) => {
    const live = store.latest.get(seriesKey(s.component, s.name));
    return live && Date.parse(live.time) > Date.parse(s.timestamp) ? { ...s, value: live.value, timestamp: live.time } : s;
  });
}

function labels(names: string[], info: Map<string, KeyInfo>): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, info.get(n)?.label ?? n]));
}

function ending(ms: number): Range {
  const to = new Date();
  return { from: new Date(to.getTime() - ms), to };
}
