import { Role } from '../api';
import { ErrorBanner, Spinner } from '../ui/components';
import { useList } from './useList';
import { count } from '../ui/format';

export function Roles() {
  const { items, error, reload } = useList<Role & { kind?: string; builtIn?: boolean }>('/roles');
  return (
    <section aria-labelledby="roles-title">
      <div class="page-head"><h1 id="roles-title">Roles</h1></div>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && (
        <table class="table" aria-label="Roles">
          <thead><tr><th scope="col">Role</th><th scope="col">Kind</th><th scope="col">Permissions</th></tr></thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id}>
                <td>{r.displayName}{r.builtIn && <span class="muted"> · built-in</span>}</td>
                <td>{r.kind ?? '—'}</td>
                <td class="small">
                  <details><summary>{count(r.permissions?.length ?? 0, 'permission')}</summary><ul class="perm-list">{r.permissions?.map((p) => <li key={p} class="mono">{p}</li>)}</ul></details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
