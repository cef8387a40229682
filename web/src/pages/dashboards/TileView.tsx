import { Badge } from '../../ui/components';
import { relativeTime } from '../../ui/components';
import type { Tile, TileData } from './dashboardApi';
import { Markdown } from './markdown';
import { MapView } from './MapView';
import { TileChart } from './TileChart';
import { HeatMap, History, PieChart, Timeline } from './TileGraphics';
import { CommandTile, ImageTile, PropertyTile } from './ActionTiles';
import { seriesLabel } from '../explorer/explorerApi';

function number(value: unknown, decimals = 1): string {
  return typeof value === 'number' ? value.toLocaleString(undefined, { maximumFractionDigits: decimals }) : '—';
}

function show(value: unknown): string {
  return typeof value === 'number' ? number(value, 2) : typeof value === 'string' ? value : JSON.stringify(value);
}

/** What a tile shows, from its configuration and its data of the last refresh. */
export function TileBody({ tile, data, span }: { tile: Tile; data?: TileData; span?: [number, number] }) {
  const config = tile.configuration as any;
  if (config.type === 'markdown') return <Markdown text={config.description ?? ''} />;
  if (config.type === 'label') return <p class="tile-label">{config.text}</p>;
  if (config.type === 'image') return <ImageTile tile={tile} />;
  if (config.type === 'command') return config.device && config.command ? <CommandTile tile={tile} /> : <p class="muted">Choose a device and a command.</p>;
  if (!data) return <p class="muted">Loading…</p>;
  if (data.error) return <p class="tile-error" role="alert">{data.error}</p>;
  const d = (data.data ?? {}) as any;
  const decimals = config.format?.decimalPlaces ?? 1;
  switch (config.type) {
    case 'lineChart':
    case 'barChart': {
      const series = (d.series ?? []).map((s: any) => ({ label: (s.device ? s.device + ' ' : '') + s.aggregateFunction + ' ' + s.capability, points: s.points }));
      if (!series.length) return <p class="muted">No data in this time range.</p>;
      return <TileChart series={series} kind={config.type === 'barChart' ? 'bar' : 'line'} title={tile.displayName ?? ''} span={span} />;
    }
    case 'heatMapChart': {
      const series = (d.series ?? []).map((s: any) => ({ label: (s.device ? s.device + ' ' : '') + s.aggregateFunction + ' ' + s.capability, points: s.points }));
      if (!series.length) return <p class="muted">No data in this time range.</p>;
      return <HeatMap series={series} title={tile.displayName ?? ''} span={span} />;
    }
    case 'pieChart': {
      const slices = (d.values ?? []).map((v: any) => ({ label: (v.device ? v.device + ' ' : '') + v.aggregateFunction + ' ' + v.capability, value: v.value }));
      if (!slices.length) return <p class="muted">No data in this time range.</p>;
      return <PieChart slices={slices} title={tile.displayName ?? ''} />;
    }
    case 'eventChart':
    case 'stateChart':
    case 'eventHistoryChart':
    case 'stateHistoryChart': {
      const events = d.events ?? [];
      if (!events.length) return <p class="muted">No {config.type.startsWith('event') ? 'events' : 'states'} in this time range.</p>;
      return config.type.endsWith('HistoryChart') ? <History events={events} title={tile.displayName ?? ''} />
        : <Timeline events={events} kind={config.type === 'eventChart' ? 'event' : 'state'} title={tile.displayName ?? ''} span={span} />;
    }
    case 'property':
      return <PropertyTile tile={tile} values={d.values ?? []} />;
    case 'dataExplorer': {
      if (!data.data) return <p class="muted">This query is kept in IoT Central's data explorer, not in OpenCentral.</p>;
      const series = (d.series ?? []).map((s: any) => ({ label: seriesLabel(s), points: s.points }));
      if (!series.length) return <p class="muted">No data in this time range.</p>;
      return <TileChart series={series} kind="line" title={tile.displayName ?? ''} span={span} />;
    }
    case 'messageRate':
      return <TileChart series={[{ label: 'messages per minute', points: d.points ?? [] }]} kind="bar" title={tile.displayName ?? ''} />;
    case 'kpi':
      return (
        <div class="kpis">
          {(d.values ?? []).map((v: any) => (
            <div class="kpi" key={v.capability}>
              <span class="kpi-value" data-testid="kpi-value">{number(v.value, decimals)}</span>
              <span class="muted">{v.aggregateFunction} of {v.capability}</span>
            </div>
          ))}
        </div>
      );
    case 'deviceCount':
      return <div class="kpi"><span class="kpi-value" data-testid="kpi-value">{number(d.count, 0)}</span><span class="muted">{config.connected ? 'connected' : 'devices'}</span></div>;
    case 'lkv':
      return (
        <ul class="lkv">
          {(d.values ?? []).map((v: any) => (
            <li key={v.device + v.capability}>
              <span class="lkv-value">{show(v.value)}</span> <span class="muted">{v.capability} · {v.device} · {relativeTime(v.time)}</span>
            </li>
          ))}
          {!(d.values ?? []).length && <li class="muted">No values yet.</li>}
        </ul>
      );
    case 'mapTelemetry':
    case 'mapProperty':
      return <MapView markers={d.locations ?? []} tracks={d.tracks ?? []} title={tile.displayName ?? ''} />;
    case 'telemetryIssues':
      return (
        <ul class="lkv">
          {(d.issues ?? []).map((i: any) => (
            <li key={i.device + i.component + i.name + i.kind}>
              <Badge kind={i.kind === 'invalid' ? 'bad' : 'warn'}>{i.kind}</Badge> {i.device}: {i.component ? i.component + '.' : ''}{i.name}
              <span class="muted"> ×{i.count} · {relativeTime(i.lastSeen)}</span>
            </li>
          ))}
          {!(d.issues ?? []).length && <li class="muted">No telemetry issues.</li>}
        </ul>
      );
    default:
      return <p class="muted">This tile type ({config.type}) has no view in OpenCentral yet.</p>;
  }
}
