import { useEffect, useRef, useState } from 'preact/hooks';
import type { TelemetrySeries } from '../../api';
import { Series, TimeChart } from '../../ui/Chart';
import { Notice } from '../../ui/components';
import { count } from '../../ui/format';
import { fetchHistory } from './history';
import { KeyInfo, recentKeys } from './series';
import type { TelemetryStore } from './TelemetryTab';

/** The live window: the last five minutes, ending now and moving with time. */
export const LIVE_WINDOW_MS = 5 * 60_000;
/** At most this many live charts (each filled by one history read when the tab opens). */
const MAX_CHARTS = 20;
const MAX_POINTS = 5_000;

/**
 * One chart per numeric series over the last five minutes: filled from the telemetry history when
 * the tab opens (for the series the device sent in that window), then appended to as values arrive.
 */
export function LiveCharts({ deviceId, store, version, series, info }: {
  deviceId: string; store: TelemetryStore; version: number; series: TelemetrySeries[] | null; info: Map<string, KeyInfo>;
}) {
  const now = useNow(1000);
  const from = now - LIVE_WINDOW_MS;
  const [filled, setFilled] = useState(0);
  const [fillError, setFillError] = useState<unknown>(null);
  const recent = series ? recentKeys(series, from) : [];
  const keys = [...new Set([...recent, ...store.series.keys()])].sort();
  const shown = keys.slice(0, MAX_CHARTS);
  const toFill = shown.filter((k) => recent.includes(k) && !store.filled.has(k)).join('\n');

  const abort = useRef(new AbortController());
  useEffect(() => () => abort.current.abort(), []);
  useEffect(() => {
    if (!toFill) return;
    const range = { from: new Date(Date.now() - LIVE_WINDOW_MS), to: new Date() };
    for (const key of toFill.split('\n')) {
      store.filled.add(key);
      fetchHistory(deviceId, key, range, MAX_POINTS, abort.current.signal).then(
        (h) => { store.fill(key, h); setFilled((n) => n + 1); },
        (e) => { if ((e as Error).name !== 'AbortError') { store.filled.delete(key); setFillError(e); } });
    }
  }, [deviceId, toFill]);

  const span: [number, number] = [from / 1000, now / 1000];
  const charts = shown.map((key) => ({ key, data: store.series.get(key) })).filter((c): c is { key: string; data: Series } => !!c.data)
    .map((c) => ({ ...c, inWindow: c.data.t.filter((t) => t >= span[0]).length }))
    .filter((c) => c.inWindow > 0);
  return (
    <>
      <p class="muted" data-testid="live-window">The last 5 minutes, moving with time: earlier values from the history, then live as they arrive.</p>
      {fillError ? <Notice kind="warn">Values from before the page opened could not be read: {fillError instanceof Error ? fillError.message : String(fillError)}</Notice> : null}
      {keys.length > MAX_CHARTS && <Notice>The device sent {count(keys.length, 'series', 'series')} in the last 5 minutes; the first {MAX_CHARTS} are charted. Choose a history window to chart any other.</Notice>}
      {charts.length === 0 ? (
        <div class="empty card" data-testid="no-telemetry">
          <h2>Waiting for telemetry</h2>
          <p>Numeric values the device sends appear here as one chart per capability as soon as they arrive. Earlier values are under the history windows above.</p>
        </div>
      ) : (
        <div class="charts">
          {charts.map(({ key, data, inWindow }) => {
            const i = info.get(key);
            return (
              <figure class="card chart-card" key={key} data-capability={key} data-mode="live">
                <figcaption>
                  <strong>{i?.label ?? key}</strong>{i && !i.modeled && <span class="muted small"> (unmodeled)</span>}{' '}
                  <span class="muted">latest</span> <span class="mono" data-testid="latest">{data.v[data.v.length - 1]}</span>{' '}
                  <span class="muted" data-testid="live-summary">· {count(inWindow, 'point')}</span>
                </figcaption>
                <TimeChart label={i?.label ?? key} data={data} version={version + filled} span={span} />
              </figure>
            );
          })}
        </div>
      )}
    </>
  );
}

/** The time now (ms), renewed every `everyMs`. */
function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
