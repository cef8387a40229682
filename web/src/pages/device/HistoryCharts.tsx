import { useEffect, useRef, useState } from 'preact/hooks';
import { Series, TimeChart } from '../../ui/Chart';
import { ErrorBanner, Spinner } from '../../ui/components';
import { count } from '../../ui/format';
import { fetchHistory, Range } from './history';

const MAX_POINTS = 5_000;

/**
 * One chart per capability over a past window, downsampled by the server to about one point per
 * pixel. Each figure carries `data-render-ms`: the time from request to drawn chart (benchmarks read it).
 */
export function HistoryCharts({ deviceId, names, labels, range }: { deviceId: string; names: string[]; labels: Record<string, string>; range: Range }) {
  return (
    <div class="charts">
      {names.map((n) => <HistoryChart key={n + range.from.getTime() + range.to.getTime()} deviceId={deviceId} name={n} label={labels[n] ?? n} range={range} />)}
    </div>
  );
}

function HistoryChart({ deviceId, name, label, range }: { deviceId: string; name: string; label: string; range: Range }) {
  const figure = useRef<HTMLElement>(null);
  const [data, setData] = useState<Series | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [ms, setMs] = useState<number | null>(null);
  const started = useRef(0);

  useEffect(() => {
    const abort = new AbortController();
    const width = figure.current?.clientWidth ?? 600;
    setData(null);
    setError(null);
    setMs(null);
    started.current = performance.now();
    fetchHistory(deviceId, name, range, Math.min(MAX_POINTS, Math.max(50, Math.round(width))), abort.signal)
      .then(setData, (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
    return () => abort.abort();
  }, [deviceId, name, range, attempt]);

  const summary = !data ? '' : data.min ? `${count(data.t.length, 'bucket')} (min/max band)` : count(data.t.length, 'point');
  return (
    <figure class="card chart-card" ref={figure} data-capability={name} data-mode="history" aria-busy={!data && !error}
      data-render-ms={ms === null ? undefined : ms.toFixed(1)}>
      <figcaption>
        <strong>{label}</strong> <span class="muted" data-testid="history-summary">{summary}</span>
      </figcaption>
      {error ? <ErrorBanner error={error} onRetry={() => setAttempt((a) => a + 1)} />
        : !data ? <Spinner label="Loading history…" />
        : data.t.length === 0 ? <p class="muted" data-testid="history-empty">No values in this window.</p>
        : <TimeChart key={data.min ? 'band' : 'line'} label={label} data={data} version={0}
          span={[range.from.getTime() / 1000, range.to.getTime() / 1000]}
          onRendered={() => setMs(performance.now() - started.current)} />}
    </figure>
  );
}
