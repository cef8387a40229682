import { api } from '../../api';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Confirm, ErrorBanner, Spinner } from '../../ui/components';
import { useConfirmedDelete } from '../useActions';
import { useList } from '../useList';
import { DeviceGroup } from './groupApi';

/** The device groups the caller can see, with their filters; create, edit and delete. */
export function Groups() {
  const session = useSession();
  const { items, error, reload } = useList<DeviceGroup>('/deviceGroups');
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<DeviceGroup>((g) => api('DELETE', '/deviceGroups/' + encodeURIComponent(g.id)), reload,
    (g) => `Device group ${g.displayName} deleted.`);
  const canDelete = session.can('deviceGroups.delete');
  return (
    <section aria-labelledby="groups-title">
      <div class="page-head">
        <h1 id="groups-title">Device groups</h1>
        <div class="spacer" />
        {session.can('deviceGroups.create') && <a class="button primary" href="/groups/new" onClick={linkClick}>+ New group</a>}
      </div>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && (
        <table class="table" aria-label="Device groups">
          <thead><tr><th scope="col">Name</th><th scope="col">Filter</th><th scope="col">Organization</th>{canDelete && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>
            {items.length === 0 && <tr><td colSpan={4} class="muted">No device groups yet.</td></tr>}
            {items.map((g) => (
              <tr key={g.id}>
                <td><a href={'/groups/' + encodeURIComponent(g.id)} onClick={linkClick}>{g.displayName}</a></td>
                <td class="mono">{g.filter}</td>
                <td>{g.organizations?.[0] ?? 'Root'}</td>
                {canDelete && <td><button type="button" class="link danger-text" onClick={() => setDeleting(g)} aria-label={'Delete ' + g.displayName}>Delete</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Confirm open={!!deleting} title="Delete device group?" action="Delete" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Delete <strong>{deleting?.displayName}</strong>? Its devices are not changed.</p>} />
    </section>
  );
}
