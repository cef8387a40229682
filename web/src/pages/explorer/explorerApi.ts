// The data explorer's query: a `dataExplorer` tile configuration (docs/dashboards.md, "The data
// explorer"), answered by POST /api/dashboards/data like any unsaved tile. A saved query is a
// `dataExplorer` tile on a dashboard.
import { api } from '../../api';
import { type DashboardData, RANGES, type Tile } from '../dashboards/dashboardApi';

export interface ExplorerQuery {
  group: string;
  capability: string;
  aggregateFunction: string;
  duration: string;
  resolution: string; // '' : chosen by the server for about 120 points
  splitBy: 'none' | 'device' | 'property';
  splitProperty: string;
}

/** The dashboard's ranges as a tile's `queryRange.duration` (IoT Central's TimeRangeDuration says `P1W` for a week). */
export const DURATIONS = RANGES.map((r) => ({ value: r.value === 'P7D' ? 'P1W' : r.value, label: r.label }));

/** IoT Central's TimeRangeResolution values: the explorer's intervals. */
export const RESOLUTIONS = [
  { value: 'PT1M', label: '1 minute' }, { value: 'PT5M', label: '5 minutes' }, { value: 'PT10M', label: '10 minutes' },
  { value: 'PT30M', label: '30 minutes' }, { value: 'PT1H', label: '1 hour' }, { value: 'PT12H', label: '12 hours' },
  { value: 'P1D', label: '1 day' }, { value: 'P1W', label: '1 week' },
] as const;

/** The tile configuration that holds `query`. */
export function configuration(query: ExplorerQuery, name: string): Tile['configuration'] {
  return {
    type: 'dataExplorer', query: name, group: query.group, devices: [],
    capabilities: [{ capability: query.capability, aggregateFunction: query.aggregateFunction }],
    queryRange: { type: 'time', duration: query.duration, ...(query.resolution ? { resolution: query.resolution } : {}) },
    splitBy: query.splitBy, ...(query.splitBy === 'property' ? { splitProperty: query.splitProperty } : {}),
  } as Tile['configuration'];
}

/** The query a saved `dataExplorer` tile holds, or null when it holds none (an IoT Central query id only). */
export function queryOf(configuration: any): ExplorerQuery | null {
  if (configuration?.type !== 'dataExplorer' || typeof configuration.group !== 'string') return null;
  const capability = configuration.capabilities?.[0] ?? {};
  return {
    group: configuration.group, capability: capability.capability ?? '', aggregateFunction: capability.aggregateFunction ?? 'avg',
    duration: configuration.queryRange?.duration ?? 'P1D', resolution: configuration.queryRange?.resolution ?? '',
    splitBy: configuration.splitBy ?? 'none', splitProperty: configuration.splitProperty ?? '',
  };
}

/** Runs `query` (as an unsaved tile) and answers its data: `series` and `table`. */
export async function runQuery(query: ExplorerQuery, signal?: AbortSignal): Promise<ExplorerData> {
  const tile = { id: 'query', displayName: 'query', x: 0, y: 0, width: 6, height: 4, configuration: configuration(query, 'query') } as Tile;
  const answer = await api<DashboardData>('POST', '/dashboards/data', { body: { tiles: [tile] }, signal });
  const one = (answer.tiles as any).query;
  if (one?.error) throw new Error(one.error);
  return (one?.data ?? { series: [], table: { columns: ['time'], rows: [] } }) as ExplorerData;
}

export interface ExplorerData {
  series: { capability: string; aggregateFunction: string; device?: string; split?: string; points: [number, number][] }[];
  table: { columns: string[]; rows: (number | null)[][] };
}

/** A table cell as shown and as written to the CSV: times in ISO 8601, values to 3 decimals. */
export function cell(value: number | null, column: number): string {
  if (value === null) return '';
  return column === 0 ? new Date(value).toISOString() : String(Number(value.toFixed(3)));
}

/** The CSV of the table: the header and every row, cells as shown. */
export function toCsv(table: ExplorerData['table']): string {
  const quote = (s: string) => /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  const lines = [table.columns.map(quote).join(',')];
  for (const row of table.rows) lines.push(row.map((v, i) => quote(cell(v, i))).join(','));
  return lines.join('\n') + '\n';
}

/** A series' label, as the table's column names it: `temperature (avg) t1`. */
export function seriesLabel(s: ExplorerData['series'][number]): string {
  const label = s.capability + ' (' + s.aggregateFunction + ')';
  return s.device !== undefined ? label + ' ' + s.device : s.split !== undefined ? label + ' ' + s.split : label;
}
