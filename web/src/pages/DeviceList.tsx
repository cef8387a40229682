import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError, Collection, Device, get } from '../api';
import { linkClick } from '../router';
import { useSession } from '../session';
import { Column, VirtualTable } from '../ui/VirtualTable';
import { Badge, Confirm, ErrorBanner, Notice, Spinner, toast } from '../ui/components';
import { CreateDevice } from './CreateDevice';

const PAGE = 1000;

/**
 * All devices, paged from the server by nextLink (keyset paging, 1,000 per request) as the user
 * scrolls, in a virtualized table. The API does not sort, search or filter device lists yet
 * ($filter and $orderby answer 400), so the quick filter works on the loaded rows only — and says so.
 */
export function DeviceList() {
  const session = useSession();
  const [rows, setRows] = useState<Device[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [quick, setQuick] = useState('');
  const [status, setStatus] = useState<'all' | 'enabled' | 'disabled'>('all');
  const [creating, setCreating] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);
  const inflight = useRef(false);

  const load = useCallback(async (url: string | null, reset = false) => {
    if (inflight.current) return;
    inflight.current = true;
    setLoading(true);
    setError(null);
    try {
      const page = await get<Collection<Device>>(url ?? '/devices?maxpagesize=' + PAGE);
      setRows((r) => (reset ? page.value : r.concat(page.value)));
      setNext(page.nextLink ?? null);
    } catch (e) {
      setError(e);
    } finally {
      inflight.current = false;
      setLoading(false);
    }
  }, []);

  const reload = () => {
    setSelected(new Set());
    load(null, true);
  };
  useEffect(reload, []);

  const filtered = useMemo(() => {
    const q = quick.trim().toLowerCase();
    return rows.filter((d) =>
      (status === 'all' || (status === 'enabled') === d.enabled) &&
      (!q || d.id.toLowerCase().includes(q) || d.displayName.toLowerCase().includes(q)));
  }, [rows, quick, status]);

  const columns: Column<Device>[] = [
    { key: 'name', label: 'Device name', width: 'minmax(160px, 2fr)', render: (d) => <a href={'/devices/' + encodeURIComponent(d.id)} onClick={linkClick}>{d.displayName}</a> },
    { key: 'id', label: 'Device ID', width: 'minmax(140px, 2fr)', render: (d) => <span class="mono">{d.id}</span> },
    { key: 'status', label: 'Status', width: '120px', render: (d) => d.enabled ? (d.provisioned ? <Badge kind="ok">Provisioned</Badge> : <Badge kind="neutral">Registered</Badge>) : <Badge kind="bad">Disabled</Badge> },
    { key: 'template', label: 'Template', width: 'minmax(120px, 1.5fr)', render: (d) => d.template ? <span class="mono">{d.template}</span> : <span class="muted">Unassigned</span> },
    { key: 'org', label: 'Organization', width: 'minmax(100px, 1fr)', render: (d) => d.organizations?.[0] ?? <span class="muted">Root</span> },
    { key: 'sim', label: 'Simulated', width: '90px', render: (d) => (d.simulated ? 'Yes' : 'No') },
  ];

  const toggle = (id: string) => {
    const s = new Set(selected);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setSelected(s);
  };
  const allSelected = filtered.length > 0 && filtered.every((d) => selected.has(d.id));
  const toggleAll = () => setSelected(allSelected ? new Set() : new Set(filtered.map((d) => d.id)));

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
    else toast(`${label}: ${ids.length} device${ids.length === 1 ? '' : 's'} done.`);
    reload();
  };
  const setEnabled = (enabled: boolean) => bulk(enabled ? 'Enable' : 'Disable', (id) => api('PATCH', '/devices/' + encodeURIComponent(id), { body: { enabled } }));
  const remove = () => bulk('Delete', (id) => api('DELETE', '/devices/' + encodeURIComponent(id)).catch((e) => {
    if (e instanceof ApiError && e.status === 404) return;
    throw e;
  }));

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
      <div class="toolbar" role="toolbar" aria-label="Device list tools">
        <div class="field inline">
          <label for="quick">Filter loaded devices</label>
          <input id="quick" type="search" placeholder="Name or ID" value={quick} onInput={(e) => setQuick(e.currentTarget.value)} />
        </div>
        <div class="field inline">
          <label for="status-filter">Status</label>
          <select id="status-filter" value={status} onChange={(e) => setStatus(e.currentTarget.value as any)}>
            <option value="all">All</option>
            <option value="enabled">Enabled</option>
            <option value="disabled">Disabled</option>
          </select>
        </div>
        <div class="spacer" />
        <span class="muted" aria-live="polite">
          {selected.size > 0 ? `${selected.size} selected · ` : ''}
          {filtered.length.toLocaleString()} shown · {rows.length.toLocaleString()} loaded{next ? ', more on the server' : next === null ? ' (all)' : ''}
        </span>
        {next && (
          <button type="button" class="secondary" disabled={loading} onClick={() => load(next)}>
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
      {(quick || status !== 'all') && next && (
        <Notice kind="warn">
          Search, sorting and filters by template or organization are not supported by the server's device list yet; this filter only looks at the {rows.length.toLocaleString()} devices loaded so far. Scroll or “Load more” to include more.
        </Notice>
      )}
      <ErrorBanner error={error} onRetry={() => load(next ?? null, rows.length === 0)} />
      {rows.length === 0 && loading ? (
        <Spinner label="Loading devices…" />
      ) : rows.length === 0 && !error ? (
        <div class="empty card">
          <h2>No devices yet</h2>
          <p>Create a device to get its connection string, then connect it with any Azure IoT device SDK.</p>
        </div>
      ) : (
        <VirtualTable
          label="Devices"
          rows={filtered}
          columns={columns}
          rowKey={(d) => d.id}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          allSelected={allSelected}
          height={Math.max(320, Math.min(640, window.innerHeight - 300))}
          onNearEnd={() => { if (next && !loading && !error) load(next); }}
        />
      )}
      {loading && rows.length > 0 && <Spinner label="Loading more devices…" />}
      {creating && <CreateDevice onClose={(created) => { setCreating(false); if (created) reload(); }} />}
      <Confirm
        open={confirmDelete}
        title="Delete devices?"
        body={<p>Delete {selected.size} device{selected.size === 1 ? '' : 's'}? Their data and credentials are removed and connected devices are disconnected. This cannot be undone.</p>}
        action={`Delete ${selected.size}`}
        busy={busy}
        onConfirm={remove}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  );
}
