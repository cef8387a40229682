import { ErrorBanner, Spinner } from '../ui/components';
import { useList } from './useList';

interface Entry { id: string; time: string; actor: string; action: string; target: string }

export function Audit() {
  const { items, error, more, reload } = useList<Entry>('/auditLogs?maxpagesize=200', 1);
  return (
    <section aria-labelledby="audit-title">
      <div class="page-head"><h1 id="audit-title">Audit log</h1><div class="spacer" /><button type="button" class="secondary" onClick={reload}>Refresh</button></div>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && (
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">Time</th><th scope="col">Actor</th><th scope="col">Action</th><th scope="col">Target</th></tr></thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}><td>{new Date(e.time).toLocaleString()}</td><td class="mono small">{e.actor}</td><td class="mono small">{e.action}</td><td class="mono small">{e.target}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {more && <p class="muted">Showing the newest 200 entries.</p>}
    </section>
  );
}
