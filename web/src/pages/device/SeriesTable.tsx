import type { TelemetrySeries } from '../../api';
import { Badge, ErrorBanner, relativeTime, Spinner } from '../../ui/components';
import { showValue, valueClass } from '../../ui/format';

/**
 * Every telemetry series the device has sent, as the server keeps them (GET …/telemetry): the
 * model's display name for modeled ones, unmodeled ones marked, the last value and when it came.
 */
export function SeriesTable({ series, templated, error, onRetry }: { series: TelemetrySeries[] | null; templated: boolean; error: unknown; onRetry: () => void }) {
  if (error) return <ErrorBanner error={error} onRetry={onRetry} />;
  if (!series) return <Spinner label="Loading telemetry series…" />;
  if (series.length === 0) return null;
  const unmodeled = series.filter((s) => !s.modeled).length;
  return (
    <section class="card" aria-labelledby="series-title">
      <h2 id="series-title">Telemetry series <span class="muted small">{series.length.toLocaleString('en')} sent by the device{!templated ? '; no template is assigned, so none is modeled' : unmodeled ? `, ${unmodeled} not in its template` : ''}</span></h2>
      <table class="table" aria-label="Telemetry series">
        <thead>
          <tr><th scope="col">Series</th><th scope="col">Component</th><th scope="col">Last value</th><th scope="col">Received</th><th scope="col">Model</th></tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={(s.component ?? '') + '/' + s.name} data-series={(s.component ? s.component + '/' : '') + s.name}>
              <th scope="row">{s.displayName ?? s.name}{s.displayName && s.displayName.toLowerCase() !== s.name.toLowerCase() && <span class="muted small mono"> {s.name}</span>}</th>
              <td>{s.component ?? <span class="muted">default</span>}</td>
              <td class={valueClass(s.value)}>{showValue(s.value)}</td>
              <td><time dateTime={s.timestamp} title={s.timestamp}>{relativeTime(s.timestamp)}</time></td>
              <td data-testid="modeled">{s.modeled ? <Badge kind="ok">Modeled</Badge> : <Badge kind="warn">Unmodeled</Badge>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
