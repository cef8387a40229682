// The tiles drawn as small SVGs of our own rather than uPlot charts (uPlot draws x/y series only):
// pie charts, heat maps, event and state timelines, and the event and state histories as tables.
import type { ChartSeries } from './TileChart';

const PALETTE = ['var(--accent)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)'];

export const colour = (i: number) => PALETTE[i % PALETTE.length];

/** One slice of a pie: its name and (non-negative) value. */
export interface Slice { label: string; value: number }

/** An event or a state: a device's value of a capability at a time. */
export interface TileEvent { capability: string; device: string; time: string; value: unknown }

function format(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString(undefined, { maximumFractionDigits: 2 }) : String(value);
}

/** A pie of the slices' shares, with a legend of values; negative values cannot be slices and are listed only. */
export function PieChart({ slices, title }: { slices: Slice[]; title: string }) {
  const drawn = slices.filter((s) => s.value > 0);
  const total = drawn.reduce((n, s) => n + s.value, 0);
  let angle = -Math.PI / 2;
  const arcs = drawn.map((s, i) => {
    const share = s.value / total;
    const start = angle;
    angle += share * 2 * Math.PI;
    if (share >= 0.9999) return <circle key={i} cx={50} cy={50} r={45} fill={colour(i)} />;
    const [x1, y1, x2, y2] = [50 + 45 * Math.cos(start), 50 + 45 * Math.sin(start), 50 + 45 * Math.cos(angle), 50 + 45 * Math.sin(angle)];
    return <path key={i} fill={colour(i)} d={`M50 50L${x1.toFixed(2)} ${y1.toFixed(2)}A45 45 0 ${share > 0.5 ? 1 : 0} 1 ${x2.toFixed(2)} ${y2.toFixed(2)}Z`} />;
  });
  return (
    <div class="tile-pie">
      <svg viewBox="0 0 100 100" role="img" data-drawn="true" data-slices={drawn.length}
        aria-label={`Pie chart of ${title}: ${slices.map((s) => s.label + ' ' + format(s.value)).join(', ')}`}>{arcs}</svg>
      <ul class="legend">
        {slices.map((s) => (
          <li key={s.label}><span class="swatch" style={{ background: s.value > 0 ? colour(drawn.indexOf(s)) : 'transparent' }} />
            {s.label}: <strong>{format(s.value)}</strong>{total > 0 && s.value > 0 ? ` (${Math.round(s.value / total * 100)} %)` : ''}</li>
        ))}
      </ul>
    </div>
  );
}

/** A heat map: a row per series, a column per window of the span, the colour's strength the value within the tile's range. */
export function HeatMap({ series, title, span }: { series: ChartSeries[]; title: string; span?: [number, number] }) {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const values = series.flatMap((s) => s.points.map((p) => p[1]));
  const [lo, hi] = [Math.min(...values), Math.max(...values)];
  const step = times.length > 1 ? Math.min(...times.slice(1).map((t, i) => t - times[i])) : 1;
  const [from, to] = span ?? [times[0], times[times.length - 1] + step];
  const width = (to - from) / step;
  const x = (t: number) => (t - from) / step;
  return (
    <div class="tile-heatmap">
      <svg viewBox={`0 0 ${Math.max(1, width)} ${series.length}`} preserveAspectRatio="none" role="img" data-drawn="true"
        data-cells={values.length} aria-label={`Heat map of ${title}: ${series.length} series from ${format(lo)} to ${format(hi)}`}>
        {series.map((s, row) => s.points.map(([t, v]) => (
          <rect key={row + ':' + t} x={x(t)} y={row} width={1} height={0.95} fill="var(--accent)"
            fill-opacity={hi > lo ? 0.15 + 0.85 * (v - lo) / (hi - lo) : 1}><title>{s.label} {new Date(t).toLocaleString()}: {format(v)}</title></rect>
        )))}
      </svg>
      <ul class="legend">
        {series.map((s) => <li key={s.label}>{s.label}</li>)}
        <li class="muted">{format(lo)} (light) to {format(hi)} (strong)</li>
      </ul>
    </div>
  );
}

/**
 * A timeline per device over the span: events as marks at their times, or states as bands from
 * each value to the next (coloured by value, with a legend of the values).
 */
export function Timeline({ events, kind, title, span }: { events: TileEvent[]; kind: 'event' | 'state'; title: string; span?: [number, number] }) {
  const devices = [...new Set(events.map((e) => e.device))].sort();
  const states = [...new Set(events.map((e) => format(e.value)))];
  const times = events.map((e) => Date.parse(e.time));
  const [from, to] = span ?? [Math.min(...times), Math.max(...times) + 1];
  const x = (t: number) => Math.max(0, Math.min(1000, (t - from) / (to - from) * 1000));
  const marks = devices.flatMap((device, row) => {
    const mine = events.filter((e) => e.device === device).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    return mine.map((e, i) => {
      const start = x(Date.parse(e.time));
      const label = `${device} ${e.capability} ${format(e.value)} at ${new Date(e.time).toLocaleString()}`;
      const fill = colour(states.indexOf(format(e.value)));
      return kind === 'event'
        ? <rect key={device + i} x={start - 2} y={row * 20 + 3} width={4} height={14} fill={fill}><title>{label}</title></rect>
        : <rect key={device + i} x={start} y={row * 20 + 3} height={14} fill={fill}
          width={Math.max(1, (i + 1 < mine.length ? x(Date.parse(mine[i + 1].time)) : 1000) - start)}><title>{label}</title></rect>;
    });
  });
  return (
    <div class="tile-timeline">
      <svg viewBox={`0 0 1000 ${devices.length * 20}`} preserveAspectRatio="none" role="img" data-drawn="true"
        data-marks={marks.length} aria-label={`${kind === 'event' ? 'Events' : 'States'} of ${title}: ${events.length} on ${devices.length} device${devices.length === 1 ? '' : 's'}`}>
        {marks}
      </svg>
      <ul class="legend">
        {devices.map((d, i) => <li key={d}>Row {i + 1}: {d}</li>)}
        {states.slice(0, 10).map((s, i) => <li key={'v' + s}><span class="swatch" style={{ background: colour(i) }} />{s}</li>)}
      </ul>
    </div>
  );
}

/** The events or states as a table, newest first. */
export function History({ events, title }: { events: TileEvent[]; title: string }) {
  return (
    <table class="tile-history" aria-label={title}>
      <thead><tr><th scope="col">Time</th><th scope="col">Device</th><th scope="col">Capability</th><th scope="col">Value</th></tr></thead>
      <tbody>
        {events.map((e, i) => (
          <tr key={i}><td>{new Date(e.time).toLocaleString()}</td><td>{e.device}</td><td>{e.capability}</td><td>{format(e.value)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
