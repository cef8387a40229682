// Dashboards (/api/dashboards, IoT Central's 2022-10-31-preview shapes) and the tile-data request
// (POST /api/dashboards/{id}/data, an OpenCentral extension): every tile's data of one refresh.
import { Answered, api, Collection, get, Schemas } from '../../api';

export type Dashboard = Answered<Schemas['Dashboard'], 'id' | 'tiles' | 'etag'>;
export type Tile = Schemas['Tile'];
export type TileConfiguration = Schemas['TileConfiguration'];
export type DashboardData = Schemas['DashboardData'];
export type TileData = Schemas['TileData'];

/** The tile types the dashboard page draws and offers, with their labels. */
export const TILE_TYPES = [
  { type: 'lineChart', label: 'Line chart', grouped: true, ranged: true },
  { type: 'barChart', label: 'Bar chart', grouped: true, ranged: true },
  { type: 'pieChart', label: 'Pie chart', grouped: true, ranged: true },
  { type: 'heatMapChart', label: 'Heat map', grouped: true, ranged: true },
  { type: 'eventChart', label: 'Event chart', grouped: true, ranged: true },
  { type: 'eventHistoryChart', label: 'Event history', grouped: true, ranged: true },
  { type: 'stateChart', label: 'State chart', grouped: true, ranged: true },
  { type: 'stateHistoryChart', label: 'State history', grouped: true, ranged: true },
  { type: 'kpi', label: 'KPI', grouped: true, ranged: true },
  { type: 'lkv', label: 'Last known value', grouped: true, ranged: false },
  { type: 'property', label: 'Property', grouped: true, ranged: false },
  { type: 'mapTelemetry', label: 'Map (location telemetry)', grouped: true, ranged: false },
  { type: 'mapProperty', label: 'Map (location property)', grouped: true, ranged: false },
  { type: 'deviceCount', label: 'Device count', grouped: false, ranged: false },
  { type: 'markdown', label: 'Markdown', grouped: false, ranged: false },
  { type: 'label', label: 'Label', grouped: false, ranged: false },
  { type: 'image', label: 'Image', grouped: false, ranged: false },
  { type: 'command', label: 'Command', grouped: false, ranged: false },
  { type: 'messageRate', label: 'Messages per minute', grouped: false, ranged: false },
  { type: 'telemetryIssues', label: 'Newest telemetry issues', grouped: false, ranged: false },
] as const;

export const AGGREGATES = ['avg', 'min', 'max', 'sum', 'count'] as const;

/** The shared time ranges of the picker (IoT Central's durations), as ISO 8601 durations. */
export const RANGES = [
  { value: 'PT30M', label: 'Past 30 minutes' },
  { value: 'PT1H', label: 'Past hour' },
  { value: 'PT12H', label: 'Past 12 hours' },
  { value: 'P1D', label: 'Past day' },
  { value: 'P7D', label: 'Past week' },
  { value: 'P30D', label: 'Past 30 days' },
] as const;

export function listDashboards(signal?: AbortSignal) {
  return get<Collection<Dashboard>>('/dashboards?maxpagesize=100', signal);
}

export function getDashboard(id: string, signal?: AbortSignal) {
  return get<Dashboard>('/dashboards/' + encodeURIComponent(id), signal);
}

export function saveDashboard(id: string, dashboard: Omit<Dashboard, 'id' | 'etag'> & { etag?: string }) {
  return api<Dashboard>('PUT', '/dashboards/' + encodeURIComponent(id), { body: dashboard });
}

export function deleteDashboard(id: string) {
  return api<void>('DELETE', '/dashboards/' + encodeURIComponent(id));
}

/** Every tile's data for the shared range; `tiles` answers unsaved tiles instead of the stored ones. */
export function dashboardData(id: string, duration: string, tiles?: Tile[], signal?: AbortSignal) {
  return api<DashboardData>('POST', '/dashboards/' + encodeURIComponent(id) + '/data', {
    body: tiles ? { duration, tiles } : { duration }, signal,
  });
}

/** A fresh dashboard or tile id (dashboard ids: letters, digits, ':' and ';'). */
export function newId(prefix: string): string {
  return prefix + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
}

/** The first free place for a tile of `width` × `height` on a 12-column grid, row by row. */
export function freePlace(tiles: Tile[], width: number, height: number): { x: number; y: number } {
  const taken = (x: number, y: number) => tiles.some((t) => x < t.x + t.width && t.x < x + width && y < t.y + t.height && t.y < y + height);
  for (let y = 0; y <= 100; y++) {
    for (let x = 0; x + width <= GRID_COLUMNS; x++) {
      if (!taken(x, y)) return { x, y };
    }
  }
  return { x: 0, y: 100 };
}

export const GRID_COLUMNS = 12;
