import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { Confirm, ErrorBanner, Spinner, toast, toastError } from '../../ui/components';
import { DashboardGrid } from './DashboardGrid';
import { Dashboard, deleteDashboard, freePlace, getDashboard, listDashboards, newId, RANGES, saveDashboard, Tile, TILE_TYPES } from './dashboardApi';
import { NewDashboard } from './NewDashboard';
import { loadOutlines } from './MapView';
import { loadUPlot } from '../../ui/Chart';
import { TilePanel } from './TilePanel';
import { useTileData } from './useTileData';

/** A new tile of `type` with the configuration members its type requires. */
function newTile(type: string, tiles: Tile[]): Tile {
  const kind = TILE_TYPES.find((t) => t.type === type)!;
  const size = type.endsWith('Chart') || type.startsWith('map') ? { width: 4, height: 3 } : { width: 3, height: 2 };
  const configuration: Record<string, unknown> = { type };
  if (kind.grouped) Object.assign(configuration, { group: '', devices: [], capabilities: [] });
  if (kind.ranged) configuration.queryRange = { type: 'time', duration: 'P1D' };
  if (type === 'markdown') configuration.description = '';
  if (type === 'label') configuration.text = 'Label';
  if (type === 'command') Object.assign(configuration, { group: '', device: '', command: '' });
  return { id: newId('t'), displayName: kind.label, configuration: configuration as any, ...size, ...freePlace(tiles, size.width, size.height) };
}

/** Starts loading the chart library and the basemap the tiles will draw with while their data is computed. */
function preload(tiles: Tile[]) {
  const types = tiles.map((t) => (t.configuration as any).type as string);
  if (types.some((t) => ['lineChart', 'barChart', 'dataExplorer', 'messageRate'].includes(t))) loadUPlot().catch(() => undefined);
  if (types.some((t) => t.startsWith('map'))) loadOutlines().catch(() => undefined);
}

/** The application's home: a dashboard, its tiles' data for the shared range, and editing. */
export function Dashboards({ id }: { id?: string }) {
  const session = useSession();
  const [list, setList] = useState<Dashboard[] | null>(null);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [draft, setDraft] = useState<Tile[] | null>(null);
  const [selected, setSelected] = useState<string | undefined>();
  const [range, setRange] = useState<string>('P1D');
  const [error, setError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const page = useRef<HTMLDivElement>(null);

  const reload = useCallback(() => {
    setError(null);
    listDashboards().then((page) => setList(page.value), setError);
  }, []);
  useEffect(reload, []);
  useEffect(() => {
    if (!list || id) return;
    const chosen = list.find((d) => d.favorite)?.id ?? list[0]?.id;
    if (chosen) navigate('/dashboards/' + encodeURIComponent(chosen), true);
    else setDashboard(null);
  }, [list, id]);
  // The dashboard named in the address, its tiles' data and the list are asked for at once (the
  // first open waits for one round trip, not three in a row), and the chart and map code with them.
  useEffect(() => {
    if (!id) return;
    const abort = new AbortController();
    getDashboard(id, abort.signal).then((d) => {
      setDashboard(d); setDraft(null); setSelected(undefined);
      preload(d.tiles);
    }, (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
    return () => abort.abort();
  }, [id]);

  const tiles = draft ?? dashboard?.tiles ?? [];
  const { data, span, loadedAt, live } = useTileData(id, range, draft);

  const personal = !!dashboard?.personal;
  const canEdit = session.can(personal ? 'personalDashboards.update' : 'applicationDashboards.update');
  const canDelete = session.can(personal ? 'personalDashboards.delete' : 'applicationDashboards.delete');

  const save = async () => {
    if (!dashboard || !draft) return;
    try {
      const saved = await saveDashboard(dashboard.id, { displayName: dashboard.displayName, tiles: draft, favorite: dashboard.favorite, etag: dashboard.etag, organizations: dashboard.organizations });
      setDashboard(saved);
      setDraft(null);
      setSelected(undefined);
      toast('Dashboard saved');
    } catch (e) {
      toastError(e);
    }
  };
  const change = (tile: Tile) => setDraft(tiles.map((t) => t.id === tile.id ? tile : t));
  const selectedTile = tiles.find((t) => t.id === selected);

  if (error) return <ErrorBanner error={error} onRetry={reload} />;
  if (!list) return <Spinner />;
  return (
    <section class={'dashboard-page'} ref={page}>
      <div class="page-head">
        <h1>{dashboard?.displayName ?? 'Dashboards'}</h1>
        <div class="toolbar">
          {list.length > 0 && (
            <label class="field inline">
              <span>Dashboard</span>
              <select value={dashboard?.id ?? ''} onChange={(e) => navigate('/dashboards/' + encodeURIComponent((e.target as HTMLSelectElement).value))}>
                {list.map((d) => <option value={d.id} key={d.id}>{d.displayName}{d.personal ? ' (personal)' : ''}</option>)}
              </select>
            </label>
          )}
          <label class="field inline">
            <span>Time range</span>
            <select value={range} onChange={(e) => setRange((e.target as HTMLSelectElement).value)}>
              {RANGES.map((r) => <option value={r.value} key={r.value}>{r.label}</option>)}
            </select>
          </label>
          {(session.can('applicationDashboards.create') || session.can('personalDashboards.create')) && !draft && (
            <button type="button" class="secondary" onClick={() => setCreating(true)}>New dashboard</button>
          )}
          {dashboard && canEdit && !draft && <button type="button" class="secondary" onClick={() => setDraft(dashboard.tiles)}>Edit</button>}
          {dashboard && <button type="button" class="secondary" onClick={() => page.current?.requestFullscreen?.().catch(() => undefined)}>Full screen</button>}
          {dashboard && canDelete && !draft && <button type="button" class="danger" onClick={() => setDeleting(true)}>Delete</button>}
        </div>
      </div>
      {draft && (
        <div class="toolbar edit-bar" role="toolbar" aria-label="Edit dashboard">
          <label class="field inline">
            <span>Add tile</span>
            <select value="" onChange={(e) => {
              const type = (e.target as HTMLSelectElement).value;
              if (!type) return;
              const tile = newTile(type, draft);
              setDraft([...draft, tile]);
              setSelected(tile.id);
            }}>
              <option value="">Choose a type</option>
              {TILE_TYPES.map((t) => <option value={t.type} key={t.type}>{t.label}</option>)}
            </select>
          </label>
          <button type="button" class="primary" onClick={save}>Save</button>
          <button type="button" class="secondary" onClick={() => { setDraft(null); setSelected(undefined); }}>Cancel</button>
        </div>
      )}
      <p class="muted dash-status" data-loaded={loadedAt ?? ''} aria-live="polite">
        {loadedAt ? 'Updated ' + new Date(loadedAt).toLocaleTimeString() : 'Loading…'}{live === 'open' ? ' · live' : ''}
      </p>
      {!dashboard ? (
        <div class="empty card"><p>There is no dashboard yet.</p></div>
      ) : (
        <div class="dash-layout">
          <DashboardGrid tiles={tiles} data={data} span={span} editing={!!draft} selected={selected} onSelect={setSelected} onChange={change} />
          {draft && selectedTile && (
            <TilePanel tile={selectedTile} onChange={change} onClose={() => setSelected(undefined)}
              onRemove={() => { setDraft(draft.filter((t) => t.id !== selectedTile.id)); setSelected(undefined); }} />
          )}
        </div>
      )}
      <NewDashboard open={creating} onClose={() => setCreating(false)} onCreated={(d) => { setCreating(false); setList([...list, d]); navigate('/dashboards/' + encodeURIComponent(d.id)); }} />
      <Confirm open={deleting} title="Delete dashboard" body={`Delete ${dashboard?.displayName ?? ''}? Its tiles are lost.`} action="Delete"
        onCancel={() => setDeleting(false)} onConfirm={async () => {
          try {
            await deleteDashboard(dashboard!.id);
            setDeleting(false);
            navigate('/dashboards', true);
            reload();
          } catch (e) {
            toastError(e);
          }
        }} />
    </section>
  );
}
