import { useEffect, useState } from 'preact/hooks';
import { Collection, DeviceTemplate, get } from '../api';
import { linkClick, navigate } from '../router';
import { useSession } from '../session';
import { ErrorBanner, Spinner } from '../ui/components';
import { count } from '../ui/format';
import { ImportTemplate } from './templates/ImportTemplate';
import { capabilityGroups } from './templates/TemplatePage';

export { TemplatePage } from './templates/TemplatePage';

/** The list of device templates, a page at a time, with import. */
export function Templates() {
  const session = useSession();
  const [items, setItems] = useState<DeviceTemplate[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [importing, setImporting] = useState(false);
  const load = async (link?: string) => {
    setError(null);
    if (link) setLoadingMore(true);
    try {
      const page = await get<Collection<DeviceTemplate>>(link ?? '/deviceTemplates?maxpagesize=50');
      setItems((prev) => (link && prev ? prev.concat(page.value) : page.value));
      setNext(page.nextLink);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  useEffect(() => {
    load();
  }, []);
  return (
    <section aria-labelledby="tpl-title">
      <div class="page-head">
        <h1 id="tpl-title">Device templates</h1>
        <div class="spacer" />
        {session.can('deviceTemplates.manage') && !importing && (
          <button type="button" class="primary" onClick={() => setImporting(true)}>+ Import template</button>
        )}
      </div>
      {importing && (
        <ImportTemplate
          onClose={(published) => {
            setImporting(false);
            if (published) navigate('/templates/' + encodeURIComponent(published));
          }}
        />
      )}
      <ErrorBanner error={error} onRetry={() => load()} />
      {!items && !error && <Spinner />}
      {items && items.length === 0 && !importing && (
        <div class="empty card"><p>No device templates yet. Import a DTDL model to publish the first one.</p></div>
      )}
      {items && items.length > 0 && (
        <table class="table" aria-label="Device templates">
          <thead><tr><th scope="col">Name</th><th scope="col">ID</th><th scope="col">Capabilities</th></tr></thead>
          <tbody>
            {items.map((t) => {
              const groups = capabilityGroups(t.capabilityModel);
              const capabilityCount = groups.reduce((n, g) => n + g.items.length, 0);
              return (
                <tr key={t['@id']}>
                  <td><a href={'/templates/' + encodeURIComponent(t['@id'])} onClick={linkClick}>{t.displayName || t['@id']}</a></td>
                  <td class="mono small">{t['@id']}</td>
                  <td>{count(capabilityCount, 'capability', 'capabilities')} in {count(groups.length, 'component')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next && (
        <div class="actions left">
          <button type="button" class="secondary" disabled={loadingMore} onClick={() => load(next)}>
            {loadingMore ? 'Loading…' : 'Load more templates'}
          </button>
        </div>
      )}
    </section>
  );
}

