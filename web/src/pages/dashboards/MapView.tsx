import { useEffect, useMemo, useState } from 'preact/hooks';

// A map that works offline: Natural Earth country outlines (world-atlas, 1:110m, TopoJSON) shipped
// with the UI and drawn as SVG in Web Mercator; device markers, clustered on a grid when close; an
// optional tile server (a URL template such as https://tile.openstreetmap.org/{z}/{x}/{y}.png,
// saved in this browser) draws street maps under the outlines when it is reachable.

export interface Marker { device: string; lat: number; lon: number }

/** A device's positions over the tile's time range, `[epoch ms, lat, lon]`, oldest first. */
export interface Track { device: string; points: [number, number, number][] }

const SIZE = 1000;
export const TILE_URL_KEY = 'oc-map-tiles';
let outlines: Promise<string[]> | undefined;

/** Web Mercator, the world as a SIZE × SIZE square. */
function project(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85, Math.min(85, lat)) * Math.PI / 180;
  return [(lon + 180) / 360 * SIZE, (1 - Math.log(Math.tan(clamped) + 1 / Math.cos(clamped)) / Math.PI) / 2 * SIZE];
}

function ring(points: number[][]): string {
  return points.map(([lon, lat], i) => (i ? 'L' : 'M') + project(lon, lat).map((n) => n.toFixed(1)).join(' ')).join('') + 'Z';
}

/** The countries' outlines as SVG paths, loaded once on first use (or ahead of it). */
export function loadOutlines(): Promise<string[]> {
  outlines ??= Promise.all([import('topojson-client'), import('world-atlas/countries-110m.json')]).then(([topo, atlas]) => {
    const world = (atlas as any).default ?? atlas;
    const countries = topo.feature(world, world.objects.countries) as any;
    return countries.features.map((f: any) => {
      const g = f.geometry;
      if (!g) return '';
      const polygons: number[][][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      return polygons.map((p) => p.map(ring).join('')).join('');
    });
  });
  return outlines;
}

export function tileUrl(): string {
  try {
    return localStorage.getItem(TILE_URL_KEY) ?? '';
  } catch {
    return '';
  }
}

interface View { x: number; y: number; w: number; h: number }

function viewOf(markers: Marker[], tracks: Track[]): View {
  const xy = [...markers.map((m) => project(m.lon, m.lat)), ...tracks.flatMap((t) => t.points.map((p) => project(p[2], p[1])))];
  if (!xy.length) return { x: 0, y: SIZE * 0.12, w: SIZE, h: SIZE * 0.68 };
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const w = Math.max(Math.max(...xs) - Math.min(...xs), SIZE / 64) * 1.6;
  const h = Math.max(Math.max(...ys) - Math.min(...ys), SIZE / 96) * 1.6;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** Markers closer than a twelfth of the view become one cluster with their count. */
function clusters(markers: Marker[], view: View) {
  const cell = Math.max(view.w, view.h) / 12;
  const cells = new Map<string, { x: number; y: number; devices: string[] }>();
  for (const m of markers) {
    const [x, y] = project(m.lon, m.lat);
    const key = Math.floor(x / cell) + ':' + Math.floor(y / cell);
    const c = cells.get(key) ?? { x: 0, y: 0, devices: [] };
    c.x += x;
    c.y += y;
    c.devices.push(m.device);
    cells.set(key, c);
  }
  return [...cells.values()].map((c) => ({ x: c.x / c.devices.length, y: c.y / c.devices.length, devices: c.devices }));
}

function Tiles({ view, template }: { view: View; template: string }) {
  const z = Math.max(0, Math.min(18, Math.round(Math.log2(4 * SIZE / view.w))));
  const n = 2 ** z;
  const step = SIZE / n;
  const images = [];
  for (let tx = Math.max(0, Math.floor(view.x / step)); tx <= Math.min(n - 1, Math.floor((view.x + view.w) / step)); tx++) {
    for (let ty = Math.max(0, Math.floor(view.y / step)); ty <= Math.min(n - 1, Math.floor((view.y + view.h) / step)); ty++) {
      const href = template.replace('{z}', String(z)).replace('{x}', String(tx)).replace('{y}', String(ty));
      images.push(<image key={href} href={href} x={tx * step} y={ty * step} width={step} height={step} />);
    }
  }
  return <g class="map-tiles">{images}</g>;
}

/** Each track as a line, its newest point marked. */
function Tracks({ tracks, r }: { tracks: Track[]; r: number }) {
  return (
    <g class="map-tracks">
      {tracks.filter((t) => t.points.length > 1).map((t) => {
        const xy = t.points.map((p) => project(p[2], p[1]));
        const [x, y] = xy[xy.length - 1];
        return (
          <g key={t.device}>
            <polyline points={xy.map((p) => p.map((n) => n.toFixed(2)).join(',')).join(' ')} stroke-width={r / 2} />
            <circle class="map-track-end" cx={x} cy={y} r={r * 0.7}><title>{t.device}: newest position, {new Date(t.points[t.points.length - 1][0]).toLocaleString()}</title></circle>
          </g>
        );
      })}
    </g>
  );
}

/** The map of a tile's device locations, and their tracks when given. */
export function MapView({ markers, tracks = [], title }: { markers: Marker[]; tracks?: Track[]; title: string }) {
  const [paths, setPaths] = useState<string[] | null>(null);
  useEffect(() => {
    loadOutlines().then(setPaths, () => setPaths([]));
  }, []);
  const key = markers.map((m) => m.device + m.lat + m.lon).join('|') + '/' + tracks.map((t) => t.device + t.points.length + t.points[t.points.length - 1]?.[0]).join('|');
  const view = useMemo(() => viewOf(markers, tracks), [key]);
  const groups = useMemo(() => clusters(markers, view), [key, view]);
  const template = tileUrl();
  const r = Math.max(view.w, view.h) / 60;
  return (
    <svg class="map" viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`} role="img" preserveAspectRatio="xMidYMid meet"
      aria-label={`Map of ${title}: ${markers.length} device${markers.length === 1 ? '' : 's'}`}
      data-drawn={paths ? 'true' : 'false'} data-markers={markers.length} data-clusters={groups.length}
      data-tracks={tracks.filter((t) => t.points.length > 1).length}>
      <rect class="map-sea" x={0} y={0} width={SIZE} height={SIZE} />
      {template && <Tiles view={view} template={template} />}
      <g class="map-land">{(paths ?? []).map((d, i) => <path key={i} d={d} />)}</g>
      <Tracks tracks={tracks} r={r} />
      {groups.map((g) => g.devices.length === 1 ? (
        <circle class="map-marker" cx={g.x} cy={g.y} r={r} key={g.devices[0]}><title>{g.devices[0]}</title></circle>
      ) : (
        <g class="map-cluster" key={g.devices.join(',')}>
          <circle cx={g.x} cy={g.y} r={r * 1.8} />
          <text x={g.x} y={g.y} font-size={r * 1.6} text-anchor="middle" dominant-baseline="central">{g.devices.length}</text>
          <title>{g.devices.length} devices: {g.devices.slice(0, 10).join(', ')}{g.devices.length > 10 ? ', …' : ''}</title>
        </g>
      ))}
    </svg>
  );
}
