import { useEffect, useState } from 'preact/hooks';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Badge, Confirm, ErrorBanner, Spinner, relativeTime } from '../../ui/components';
import { useConfirmedDelete } from '../useActions';
import { useList } from '../useList';
import { ExportTabs } from './ExportTabs';
import { deleteExport, deliveryCounters, DeliveryCounters, Export, exportPath, sourceLabel, statusKind, totals } from './exportApi';

/** The data exports with their health, lag and counters, refreshed every 2 s; create, edit and delete. */
export function Exports() {
  const session = useSession();
  const exports = useList<Export>(exportPath('/exports'));
  const [counters, setCounters] = useState<DeliveryCounters[]>([]);
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<Export>((e) => deleteExport(e.id), exports.reload,
    (e) => `Export ${e.displayName} deleted.`);
  useEffect(() => {
    const refresh = () => {
      exports.reload();
      deliveryCounters().then((c) => setCounters(c.value), () => undefined);
    };
    refresh();
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, []);
  const canDelete = session.can('dataExport.delete');
  return (
    <section aria-labelledby="exports-title">
      <div class="page-head">
        <h1 id="exports-title">Data export</h1>
        <div class="spacer" />
        {session.can('dataExport.create') && <a class="button primary" href="/exports/new" onClick={linkClick}>+ New export</a>}
      </div>
      <ExportTabs current="exports" />
      <ErrorBanner error={exports.error} onRetry={exports.reload} />
      {!exports.items && !exports.error && <Spinner />}
      {exports.items && (
        <table class="table" aria-label="Exports">
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Source</th><th scope="col">Enabled</th><th scope="col">Status</th>
              <th scope="col">Lag</th><th scope="col">Sent</th><th scope="col">Failed</th><th scope="col">Last export</th>
              {canDelete && <th scope="col"><span class="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {exports.items.length === 0 && <tr><td colSpan={9} class="muted">No exports yet.</td></tr>}
            {exports.items.map((e) => <ExportRow key={e.id} item={e} counters={counters} onDelete={canDelete ? () => setDeleting(e) : undefined} />)}
          </tbody>
        </table>
      )}
      <Confirm open={!!deleting} title="Delete export?" action="Delete" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Delete <strong>{deleting?.displayName}</strong>? Its destinations are kept.</p>} />
    </section>
  );
}

function ExportRow({ item, counters, onDelete }: { item: Export; counters: DeliveryCounters[]; onDelete?: () => void }) {
  const t = totals(item.id, counters);
  return (
    <tr data-testid={'export-' + item.id}>
      <td><a href={'/exports/' + encodeURIComponent(item.id)} onClick={linkClick}>{item.displayName}</a></td>
      <td>{sourceLabel(item.source)}</td>
      <td>{item.enabled ? 'Yes' : 'No'}</td>
      <td>
        <Badge kind={statusKind(item.status)}>{item.status ?? 'unknown'}</Badge>
        {(item.errors ?? []).map((e, i) => <div key={i} class="small error-text">{e.message}</div>)}
      </td>
      <td data-testid="lag">{t.running ? `${t.lagEvents} events · ${t.lagSeconds} s` : '—'}</td>
      <td data-testid="sent">{t.sent}</td>
      <td data-testid="failed">{t.failed}</td>
      <td>{relativeTime(item.lastExportTime)}</td>
      {onDelete && <td><button type="button" class="link danger-text" onClick={onDelete} aria-label={'Delete ' + item.displayName}>Delete</button></td>}
    </tr>
  );
}
