import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Badge, Confirm, ErrorBanner, Spinner, relativeTime } from '../../ui/components';
import { useConfirmedDelete } from '../useActions';
import { useList } from '../useList';
import { destinationForm } from './destinationForms';
import { ExportTabs } from './ExportTabs';
import { deleteDestination, Destination, exportPath, statusKind } from './exportApi';

/** The export destinations with their type and health; create, edit and delete. */
export function Destinations() {
  const session = useSession();
  const destinations = useList<Destination>(exportPath('/destinations'));
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<Destination>((d) => deleteDestination(d.id), destinations.reload,
    (d) => `Destination ${d.displayName} deleted.`);
  const canDelete = session.can('dataExport.delete');
  return (
    <section aria-labelledby="destinations-title">
      <div class="page-head">
        <h1 id="destinations-title">Data export</h1>
        <div class="spacer" />
        {session.can('dataExport.create') && <a class="button primary" href="/destinations/new" onClick={linkClick}>+ New destination</a>}
      </div>
      <ExportTabs current="destinations" />
      <ErrorBanner error={destinations.error} onRetry={destinations.reload} />
      {!destinations.items && !destinations.error && <Spinner />}
      {destinations.items && (
        <table class="table" aria-label="Destinations">
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Last export</th>
              {canDelete && <th scope="col"><span class="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {destinations.items.length === 0 && <tr><td colSpan={5} class="muted">No destinations yet.</td></tr>}
            {destinations.items.map((d) => (
              <tr key={d.id}>
                <td><a href={'/destinations/' + encodeURIComponent(d.id)} onClick={linkClick}>{d.displayName}</a></td>
                <td>{destinationForm(d.type)?.label ?? d.type}</td>
                <td>
                  <Badge kind={statusKind(d.status)}>{d.status ?? 'unknown'}</Badge>
                  {(d.errors ?? []).map((e, i) => <div key={i} class="small error-text">{e.message}</div>)}
                </td>
                <td>{relativeTime(d.lastExportTime)}</td>
                {canDelete && <td><button type="button" class="link danger-text" onClick={() => setDeleting(d)} aria-label={'Delete ' + d.displayName}>Delete</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Confirm open={!!deleting} title="Delete destination?" action="Delete" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Delete <strong>{deleting?.displayName}</strong>? A destination an export sends to cannot be deleted.</p>} />
    </section>
  );
}
