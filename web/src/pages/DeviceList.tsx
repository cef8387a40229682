import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, Collection, Device, DeviceTemplate, deviceListPath, get, odataString } from '../api';
import { linkClick } from '../router';
import { useSession } from '../session';
import { Column, SortState, VirtualTable } from '../ui/VirtualTable';
import { Confirm, ErrorBanner, Spinner, toast } from '../ui/components';
import { count } from '../ui/format';
import { DeviceStatus, STATUSES, StatusBadge } from './deviceStatus';
import { CreateDevice } from './CreateDevice';
import { useDebounced, useHashState, useList } from './useList';

const PAGE = 1000;

/** Column key → the device-list field it sorts by on the server. */
const SORT_FIELDS: Record<string, string> = {
  name: 'displayName',
  id: 'id',
  status: 'enabled',
  template: 'template',
  sim: 'simulated',
};

/** A filter select's value for "the empty/none value" (no template, the root organization). */
const NONE = '(none)';

/**
 * All devices, searched, filtered and sorted by the server ($filter/$orderby) and paged by nextLink
 * (keyset paging, 1,000 per request) as the user scrolls a virtualized table. The search box, the
 * filters and the order live in the URL's hash, so a reload or a shared link shows the same list.
 */
export function DeviceList() {
  const session = useSession();
  const [hash, setHash] = useHashState();
  const [search, setSearch] = useState(hash.get('q') ?? '');
  const settledSearch = useDebounced(search.trim(), 300);
  const template = hash.get('template') ?? '';
  const status = hash.get('status') ?? '';
  const org = hash.get('org') ?? '';
  const sort: SortState = { key: hash.get('sort') ?? 'id', dir: hash.get('dir') === 'desc' ? 'desc' : 'asc' };
  const templates = useList<DeviceTemplate>(session.can('deviceTemplates.view') ? '/deviceTemplates?maxpagesize=1000' : '');
  const orgs = useList<{ id: string; displayName: string }>(session.can('organizations.view') ? '/organizations' : '');

  useEffect(() => setHash({ q: settledSearch }), [settledSearch]);

  const path = useMemo(() => {
    const conditions: string[] = [];
    if (settledSearch) {
      const q = odataString(settledSearch);
      conditions.push(`contains(displayName,${q}) or contains(id,${q})`);
    }
    if (template) conditions.push(template === NONE ? 'template eq null' : 'template eq ' + odataString(template));
    if (status in STATUSES) conditions.push(STATUSES[status as DeviceStatus].condition);
    if (org) conditions.push(org === NONE ? 'organizations eq null' : 'organizations eq ' + odataString(org));
    const field = SORT_FIELDS[sort.key] ?? 'id';
    return deviceListPath({ conditions, orderBy: field === 'id' && sort.dir === 'asc' ? undefined : `${field} ${sort.dir}`, pageSize: PAGE });
  }, [settledSearch, template, status, org, sort.key, sort.dir]);

  const [rows, setRows] = useState<Device[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const inflight = useRef<AbortController | null>(null);

  /** Loads the first page of `path` (reset: replacing the rows, cancelling any load) or the page at `url`. */
  const load = useCallback(async (url: string, reset: boolean) => {
    if (inflight.current && !reset) return;
    inflight.current?.abort();
    const controller = new AbortController();
    inflight.current = controller;
    setLoading(true);
    setError(null);
    try {
      const page = await get<Collection<Device>>(url, controller.signal);
      setRows((r) => (reset ? page.value : r.concat(page.value)));
      setNext(page.nextLink ?? null);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(e);
    } finally {
      if (inflight.current === controller) {
        inflight.current = null;
        setLoading(false);
      }
    }
  }, []);

  const reload = () => {
    setSelected(new Set());
    load(path, true);
  };
  useEffect(reload, [path]);

  const onSort = (key: string) => {
    const dir = sort.key === key && sort.dir === 'asc' ? 'desc' : 'asc';
    setHash({ sort: key === 'id' && dir === 'asc' ? undefined : key, dir: dir === 'desc' ? 'desc' : undefined });
  };

  const templateNames = new Map((templates.items ?? []).map((t) => [t['@id'], t.displayName || t['@id']]));
  const columns: Column<Device>[] = [
    { key: 'name', label: 'Device name', width: 'minmax(160px, 2fr)', sortable: true, render: (d) => <a href={'/devices/' + encodeURIComponent(d.id)} onClick={linkClick}>{d.displayName}</a> },
    { key: 'id', label: 'Device ID', width: 'minmax(140px, 2fr)', sortable: true, render: (d) => <span class="mono">{d.id}</span> },
    { key: 'status', label: 'Status', width: '120px', sortable: true, render: (d) => <StatusBadge device={d} /> },
    { key: 'template', label: 'Template', width: 'minmax(120px, 1.5fr)', sortable: true, render: (d) => d.template ? <span title={d.template}>{templateNames.get(d.template) ?? d.template}</span> : <span class="muted">Unassigned</span> },
    { key: 'org', label: 'Organization', width: 'minmax(100px, 1fr)', render: (d) => d.organizations?.[0] ?? <span class="muted">Root</span> },
    { key: 'sim', label: 'Simulated', width: '100px', sortable: true, render: (d) => (d.simulated ? 'Yes' : 'No') },
  ];

  const toggle = (id: string) => {
    const s = new Set(selected);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setSelected(s);
  };
  const allSelected = rows.length > 0 && rows.every((d) => selected.has(d.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(rows.map((d) => d.id)));

  const bulk = async (label: string, action: (id: string) => Promise<unknown>) => {
    setBusy(true);
    const ids = [...selected];
    const failures: string[] = [];
    let firstError: unknown;
    for (let i = 0; i < ids.length; i += 8) {
      await Promise.all(ids.slice(i, i + 8).map((id) => action(id).catch((e) => { failures.push(id); firstError ??= e; })));
    }
    setBusy(false);
    setConfirmDelete(false);
    if (failures.length) toast(`${label}: ${failures.length} of ${ids.length} failed — ${(firstError as Error).message}`, 'error');
    else toast(`${label}: ${count(ids.length, 'device')} done.`);
    reload();
  };
  const setEnabled = (enabled: boolean) => bulk(enabled ? 'Enable' : 'Disable', (id) => api('PATCH', '/devices/' + encodeURIComponent(id), { body: { enabled } }));
  const remove = () => bulk('Delete', (id) => api('DELETE', '/devices/' + encodeURIComponent(id)).catch((e) => {
    if (e instanceof ApiError && e.status === 404) return;
    throw e;
  }));
  const filtering = !!(settledSearch || template || status || org);

  return (
    <section aria-labelledby="devices-title">
      <div class="page-head">
        <h1 id="devices-title">Devices</h1>
        <div class="spacer" />
        {session.can('devices.create') && (
          <button type="button" class="primary" onClick={() => setCreating(true)}>
            + New device
          </button>
        )}
      </div>
      <div class="toolbar" role="search" aria-label="Search and filter devices">
        <div class="field inline">
          <label for="device-search">Search</label>
          <input id="device-search" type="search" placeholder="Name or ID contains…" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
        <div class="field inline">
          <label for="template-filter">Template</label>
          <select id="template-filter" value={template} onChange={(e) => setHash({ template: e.currentTarget.value })}>
            <option value="">All</option>
            <option value={NONE}>Unassigned</option>
            {(templates.items ?? []).map((t) => <option value={t['@id']} key={t['@id']}>{t.displayName}</option>)}
            {template && template !== NONE && !(templates.items ?? []).some((t) => t['@id'] === template) && <option value={template}>{template}</option>}
          </select>
        </div>
        <div class="field inline">
          <label for="status-filter">Status</label>
          <select id="status-filter" value={status} onChange={(e) => setHash({ status: e.currentTarget.value })}>
            <option value="">All</option>
            {Object.entries(STATUSES).map(([value, s]) => <option value={value} key={value}>{s.label}</option>)}
          </select>
        </div>
        {orgs.items && (
          <div class="field inline">
            <label for="org-filter">Organization</label>
            <select id="org-filter" value={org} onChange={(e) => setHash({ org: e.currentTarget.value })}>
              <option value="">All</option>
              <option value={NONE}>Root only</option>
              {orgs.items.map((o) => <option value={o.id} key={o.id}>{o.displayName}</option>)}
            </select>
          </div>
        )}
        {filtering && (
          <button type="button" class="link" onClick={() => { setSearch(''); setHash({ q: undefined, template: undefined, status: undefined, org: undefined }); }}>
            Clear filters
          </button>
        )}
        <div class="spacer" />
        <span class="muted" aria-live="polite">
          {selected.size > 0 ? `${selected.size} selected · ` : ''}
          {rows.length.toLocaleString()} {filtering ? 'matching ' : ''}loaded{next ? ', more on the server' : next === null ? ' (all)' : ''}
        </span>
        {next && (
          <button type="button" class="secondary" disabled={loading} onClick={() => load(next, false)}>
            Load more
          </button>
        )}
        <button type="button" class="secondary" onClick={reload} disabled={loading}>
          Refresh
        </button>
      </div>
      {selected.size > 0 && (
        <div class="toolbar bulk" role="toolbar" aria-label="Actions on selected devices">
          <strong>{selected.size} selected</strong>
          {session.can('devices.update') && <button type="button" class="secondary" disabled={busy} onClick={() => setEnabled(true)}>Enable</button>}
          {session.can('devices.update') && <button type="button" class="secondary" disabled={busy} onClick={() => setEnabled(false)}>Disable</button>}
          {session.can('devices.delete') && <button type="button" class="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>Delete</button>}
          <button type="button" class="link" onClick={() => setSelected(new Set())}>Clear selection</button>
        </div>
      )}
      <ErrorBanner error={error} onRetry={() => (next && rows.length ? load(next, false) : load(path, true))} />
      {rows.length === 0 && loading ? (
        <Spinner label="Loading devices…" />
      ) : rows.length === 0 && !error ? (
        filtering ? (
          <div class="empty card">
            <h2>No matching devices</h2>
            <p>No device matches the search and filters. Clear them to see every device.</p>
          </div>
        ) : (
          <div class="empty card">
            <h2>No devices yet</h2>
            <p>Create a device to get its connection string, then connect it with any Azure IoT device SDK.</p>
          </div>
        )
      ) : (
        <VirtualTable
          key={path}
          label="Devices"
          rows={rows}
          columns={columns}
          rowKey={(d) => d.id}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          allSelected={allSelected}
          sort={sort}
          onSort={onSort}
          height={Math.max(320, Math.min(640, window.innerHeight - 300))}
          onNearEnd={() => { if (next && !loading && !error) load(next, false); }}
        />
      )}
      {loading && rows.length > 0 && <Spinner label="Loading devices…" />}
      {creating && <CreateDevice onClose={(created) => { setCreating(false); if (created) reload(); }} />}
      <Confirm
        open={confirmDelete}
        title="Delete devices?"
        body={<p>Delete {count(selected.size, 'device')}? Their data and credentials are removed and connected devices are disconnected. This cannot be undone.</p>}
        action={`Delete ${selected.size}`}
        busy={busy}
        onConfirm={remove}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  );
}
