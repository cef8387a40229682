import { useEffect, useState } from 'preact/hooks';
import { ApiError, DeviceTemplate, get } from '../../api';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Spinner, toast } from '../../ui/components';
import { useDebounced, useList } from '../useList';
import { useSubmit } from '../useActions';
import { FilterBuilder } from './FilterBuilder';
import { DeviceGroup, fromFilter, GroupPreview, previewGroup, Row, saveGroup, toFilter } from './groupApi';

const EVERY_DEVICE = 'SELECT * FROM devices';

/** Creates (id "new") or edits a device group: name, filter builder, the filter text, and the live matches. */
export function GroupEditor({ id }: { id: string }) {
  const creating = id === 'new';
  const [group, setGroup] = useState<DeviceGroup | null>(creating ? { id: '', displayName: '', filter: EVERY_DEVICE } : null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    if (!creating) get<DeviceGroup>('/deviceGroups/' + encodeURIComponent(id)).then(setGroup, setLoadError);
  }, [id]);
  if (loadError) return <section><BackToGroups /><ErrorBanner error={loadError} /></section>;
  if (!group) return <section><BackToGroups /><Spinner label="Loading device group…" /></section>;
  return <Editor key={group.id} initial={group} creating={creating} />;
}

function BackToGroups() {
  return <p><a href="/groups" onClick={linkClick}>← Device groups</a></p>;
}

function Editor({ initial, creating }: { initial: DeviceGroup; creating: boolean }) {
  const session = useSession();
  const parsed = fromFilter(initial.filter);
  const [id, setId] = useState(initial.id);
  const [name, setName] = useState(initial.displayName);
  const [description, setDescription] = useState(initial.description ?? '');
  const [rows, setRows] = useState<Row[]>(parsed?.rows ?? []);
  const [join, setJoin] = useState<'AND' | 'OR'>(parsed?.join ?? 'AND');
  const [filter, setFilter] = useState(initial.filter);
  const templates = useList<DeviceTemplate>(session.can('deviceTemplates.view') ? '/deviceTemplates?maxpagesize=100' : '');
  const canSave = session.can(creating ? 'deviceGroups.create' : 'deviceGroups.update');

  const build = (nextRows: Row[], nextJoin: 'AND' | 'OR') => {
    setRows(nextRows);
    setJoin(nextJoin);
    setFilter(toFilter(nextRows, nextJoin));
  };
  const { busy, error, submit } = useSubmit(async () => {
    const saved = await saveGroup(id.trim(), {
      displayName: name, filter, ...(description ? { description } : {}),
      ...(initial.organizations ? { organizations: initial.organizations } : {}),
    }, creating ? undefined : initial.etag);
    toast(`Device group ${saved.displayName} saved.`);
    navigate('/groups');
  });
  return (
    <section aria-labelledby="group-title">
      <BackToGroups />
      <h1 id="group-title">{creating ? 'New device group' : initial.displayName}</h1>
      <form class="card" onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        {creating && (
          <div class="field"><label for="g-id">Group ID</label>
            <input id="g-id" required pattern="[A-Za-z0-9_\-]{1,255}" value={id} onInput={(e) => setId(e.currentTarget.value)} autoFocus />
            <small>Letters, digits, '_' and '-'.</small></div>
        )}
        <div class="field"><label for="g-name">Name</label><input id="g-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field"><label for="g-desc">Description (optional)</label><input id="g-desc" value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></div>
        <FilterBuilder rows={rows} join={join} templates={templates.items ?? []} onChange={build} />
        <div class="field"><label for="g-filter">Filter (device query)</label>
          <textarea id="g-filter" class="mono" rows={2} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          <small>The conditions above write this query; you can also edit it directly.</small></div>
        <div class="actions left">
          {canSave && <button class="primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save group'}</button>}
          <a class="button secondary" href="/groups" onClick={linkClick}>Cancel</a>
        </div>
      </form>
      <Matches filter={filter} />
    </section>
  );
}

/** The devices the filter matches now, refreshed as it is typed. */
function Matches({ filter }: { filter: string }) {
  const settled = useDebounced(filter, 250);
  const [preview, setPreview] = useState<GroupPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    previewGroup(settled, abort.signal).then((p) => { setPreview(p); setError(null); }, (e) => {
      if (abort.signal.aborted) return;
      setPreview(null);
      setError(e instanceof ApiError ? e.detail : String(e));
    });
    return () => abort.abort();
  }, [settled]);
  return (
    <div class="card" aria-live="polite">
      <h2>Matching devices</h2>
      {error && <div class="banner error" role="alert" data-testid="filter-error">{error}</div>}
      {preview && (
        <>
          <p data-testid="match-count">{preview.count === 1 ? '1 device matches' : `${preview.count} devices match`}</p>
          <table class="table" aria-label="Matching devices">
            <thead><tr><th scope="col">Name</th><th scope="col">Device ID</th><th scope="col">Template</th></tr></thead>
            <tbody>
              {preview.value.map((d) => (
                <tr key={d.id}>
                  <td><a href={'/devices/' + encodeURIComponent(d.id)} onClick={linkClick}>{d.displayName}</a></td>
                  <td class="mono">{d.id}</td>
                  <td class="mono">{d.template ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.count > preview.value.length && <p class="muted">Showing the first {preview.value.length}.</p>}
        </>
      )}
      {!preview && !error && <Spinner />}
    </div>
  );
}
