import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../../session';
import { ErrorBanner, toast, toastError } from '../../ui/components';
import { useGroupCapabilities } from '../dashboards/capabilities';
import { AGGREGATES, Dashboard, freePlace, getDashboard, listDashboards, newId, saveDashboard } from '../dashboards/dashboardApi';
import { TileChart } from '../dashboards/TileChart';
import { useGroups } from '../dashboards/TilePanel';
import { NUMBERS } from '../device/RequestForm';
import { cell, configuration, DURATIONS, ExplorerData, ExplorerQuery, queryOf, RESOLUTIONS, runQuery, seriesLabel, toCsv } from './explorerApi';

const EMPTY: ExplorerQuery = { group: '', capability: '', aggregateFunction: 'avg', duration: 'P1D', resolution: '', splitBy: 'none', splitProperty: '' };

function Select({ label, value, onChange, options }: {
  label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[];
}) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {options.map((o) => <option value={o.value} key={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** Saved queries: the `dataExplorer` tiles (holding a query) of the dashboards the caller sees. */
function useSaved(version: number): { dashboards: Dashboard[]; saved: { name: string; query: ExplorerQuery; where: string }[] } {
  const [dashboards, setDashboards] = useState<Dashboard[]>([]);
  useEffect(() => {
    listDashboards().then((page) => setDashboards(page.value), () => setDashboards([]));
  }, [version]);
  const saved = dashboards.flatMap((d) => d.tiles.flatMap((t) => {
    const query = queryOf(t.configuration);
    return query ? [{ name: t.displayName ?? 'query', query, where: d.displayName ?? d.id }] : [];
  }));
  return { dashboards, saved };
}

/** The data explorer: a group's telemetry aggregated over time, split by device or property; chart, table, CSV, pin. */
export function Explorer() {
  const session = useSession();
  const [query, setQuery] = useState<ExplorerQuery>(EMPTY);
  const [data, setData] = useState<ExplorerData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const [name, setName] = useState('');
  const [version, setVersion] = useState(0);
  const { dashboards, saved } = useSaved(version);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setData(await runQuery(query));
    } catch (e) {
      setError(e);
      setData(null);
    } finally {
      setRunning(false);
    }
  };
  const canPin = dashboards.length > 0 && (session.can('applicationDashboards.update') || session.can('personalDashboards.update'));
  return (
    <section class="explorer-page">
      <div class="page-head"><h1>Data explorer</h1></div>
      {saved.length > 0 && (
        <Select label="Saved queries" value="" onChange={(v) => { if (v) { const s = saved[Number(v)]; setQuery(s.query); setName(s.name); setData(null); } }}
          options={[{ value: '', label: 'Open a saved query' }, ...saved.map((s, i) => ({ value: String(i), label: s.name + ' (' + s.where + ')' }))]} />
      )}
      <QueryForm query={query} onChange={setQuery} running={running} onRun={run} />
      {!!error && <ErrorBanner error={error} onRetry={run} />}
      {data && <Results data={data} title={query.capability} onDownload={() => downloadCsv(data, query)} />}
      {data && canPin && <PinForm query={query} dashboards={dashboards} name={name} onName={setName} onPinned={() => setVersion(version + 1)} />}
    </section>
  );
}

/** The query's fields; submitting runs it once every needed field is chosen. */
function QueryForm({ query, onChange, running, onRun }: {
  query: ExplorerQuery; onChange: (query: ExplorerQuery) => void; running: boolean; onRun: () => void;
}) {
  const groups = useGroups();
  const offered = useGroupCapabilities(query.group || undefined);
  const set = (change: Partial<ExplorerQuery>) => onChange({ ...query, ...change });
  const telemetry = offered.filter((o) => o.kind === 'Telemetry' && !o.location);
  const properties = offered.filter((o) => o.kind === 'Property' && !o.location);
  const ready = !!query.group && !!query.capability && (query.splitBy !== 'property' || !!query.splitProperty);
  // Numbers have every aggregate; other telemetry (strings, booleans, enums, objects) only its count.
  const chosen = telemetry.find((o) => o.path === query.capability);
  const numeric = !chosen || NUMBERS.includes(chosen.schema as string);
  useEffect(() => {
    if (!numeric && query.aggregateFunction !== 'count') set({ aggregateFunction: 'count' });
  }, [numeric, query.aggregateFunction]);
  return (
    <form class="card explorer-form" onSubmit={(e) => { e.preventDefault(); if (ready) onRun(); }}>
      <Select label="Device group" value={query.group} onChange={(group) => set({ group, capability: '', splitProperty: '' })}
        options={[{ value: '', label: 'Choose a group' }, ...groups.map((g) => ({ value: g.id, label: g.displayName ?? g.id }))]} />
      <Select label="Telemetry" value={query.capability} onChange={(capability) => set({ capability })}
        options={[{ value: '', label: 'Choose telemetry' }, ...telemetry.map((o) => ({ value: o.path, label: o.label }))]} />
      <Select label="Aggregation" value={query.aggregateFunction} onChange={(aggregateFunction) => set({ aggregateFunction })}
        options={(numeric ? AGGREGATES : ['count' as const]).map((a) => ({ value: a, label: a }))} />
      <Select label="Time range" value={query.duration} onChange={(duration) => set({ duration })} options={DURATIONS} />
      <Select label="Interval" value={query.resolution} onChange={(resolution) => set({ resolution })}
        options={[{ value: '', label: 'Automatic' }, ...RESOLUTIONS]} />
      <Select label="Split by" value={query.splitBy} onChange={(splitBy) => set({ splitBy: splitBy as ExplorerQuery['splitBy'] })}
        options={[{ value: 'none', label: 'Nothing (all devices)' }, { value: 'device', label: 'Device' }, { value: 'property', label: 'Property value' }]} />
      {query.splitBy === 'property' && (
        <Select label="Property" value={query.splitProperty} onChange={(splitProperty) => set({ splitProperty })}
          options={[{ value: '', label: 'Choose a property' }, ...properties.map((o) => ({ value: o.path, label: o.label }))]} />
      )}
      <button type="submit" class="primary" disabled={!ready || running}>{running ? 'Running…' : 'Run query'}</button>
    </form>
  );
}

/** Saves the query as a `dataExplorer` tile named `name` on a chosen dashboard. */
function PinForm({ query, dashboards, name, onName, onPinned }: {
  query: ExplorerQuery; dashboards: Dashboard[]; name: string; onName: (name: string) => void; onPinned: () => void;
}) {
  const [target, setTarget] = useState('');
  const pin = async () => {
    try {
      const dashboard = await getDashboard(target);
      const tile = { id: newId('q'), displayName: name, ...freePlace(dashboard.tiles, 6, 4), width: 6, height: 4, configuration: configuration(query, name) };
      await saveDashboard(dashboard.id, { displayName: dashboard.displayName, tiles: [...dashboard.tiles, tile], favorite: dashboard.favorite,
        etag: dashboard.etag, organizations: dashboard.organizations });
      toast('Saved "' + name + '" to ' + dashboard.displayName);
      onPinned();
    } catch (e) {
      toastError(e);
    }
  };
  return (
    <form class="card toolbar explorer-pin" onSubmit={(e) => { e.preventDefault(); if (name && target) pin(); }}>
      <label class="field"><span>Query name</span><input value={name} onInput={(e) => onName((e.target as HTMLInputElement).value)} /></label>
      <Select label="Dashboard" value={target} onChange={setTarget}
        options={[{ value: '', label: 'Choose a dashboard' }, ...dashboards.map((d) => ({ value: d.id, label: d.displayName ?? d.id }))]} />
      <button type="submit" class="secondary" disabled={!name || !target}>Save and pin to dashboard</button>
    </form>
  );
}

/** Saves the table, as shown, as a CSV file. */
function downloadCsv(data: ExplorerData, query: ExplorerQuery) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([toCsv(data.table)], { type: 'text/csv' }));
  link.download = 'explorer-' + query.group + '-' + query.capability.replace('/', '-') + '.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

function Results({ data, title, onDownload }: { data: ExplorerData; title: string; onDownload: () => void }) {
  if (!data.series.length) return <p class="muted card">No data in this time range.</p>;
  const series = data.series.map((s) => ({ label: seriesLabel(s), points: s.points }));
  return (
    <div class="card explorer-results">
      <div class="explorer-chart"><TileChart series={series} kind="line" title={title} /></div>
      <div class="toolbar"><button type="button" class="secondary" onClick={onDownload}>Download CSV</button></div>
      <div class="table-scroll">
        <table class="explorer-table">
          <thead><tr>{data.table.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr></thead>
          <tbody>
            {data.table.rows.map((row) => <tr key={row[0]}>{row.map((v, i) => <td key={i}>{cell(v, i)}</td>)}</tr>)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
