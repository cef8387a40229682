import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlotType from 'uplot';
import { loadUPlot } from '../../ui/Chart';

/** One line of a chart tile: its name and `[epoch ms, value]` points. */
export interface ChartSeries { label: string; points: [number, number][] }

const PALETTE = ['--accent', '--chart-2', '--chart-3', '--chart-4', '--chart-5'];

function cssVar(name: string) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

/** The series on one x axis (seconds): the union of their times, null where a series has no point. */
function aligned(series: ChartSeries[]): (number | null)[][] {
  const times = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const columns: (number | null)[][] = [times.map((t) => t / 1000)];
  for (const s of series) {
    const column: (number | null)[] = new Array(times.length).fill(null);
    for (const [t, v] of s.points) column[index.get(t)!] = v;
    columns.push(column);
  }
  return columns;
}

/** A line or bar chart of a tile's series (uPlot), resized with its tile; marks itself drawn for tests. */
export function TileChart({ series, kind, title, span }: {
  series: ChartSeries[]; kind: 'line' | 'bar'; title: string;
  /** The x range in epoch ms (the dashboard's time range); by default the data's. */
  span?: [number, number];
}) {
  const box = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  // The chart's colours come from the theme: a theme switch draws it again.
  const [theme, setTheme] = useState(document.documentElement.dataset.theme);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(document.documentElement.dataset.theme));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  const key = series.map((s) => s.label + ':' + s.points.length + ':' + (s.points[s.points.length - 1]?.join(',') ?? '')).join('|');
  useEffect(() => {
    let plot: uPlotType | undefined;
    let observer: ResizeObserver | undefined;
    let disposed = false;
    loadUPlot().then((uPlot) => {
      if (disposed || !box.current) return;
      const element = box.current;
      const size = () => ({ width: Math.max(120, element.clientWidth), height: Math.max(80, element.clientHeight - 30) });
      const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid') } };
      const bars = kind === 'bar' ? uPlot.paths.bars!({ size: [0.8, 40] }) : undefined;
      plot = new uPlot({
        ...size(),
        legend: { show: series.length > 1 },
        scales: { x: span ? { time: true, range: () => [span[0] / 1000, span[1] / 1000] } : { time: true } },
        axes: [axis, { ...axis, size: 50 }],
        series: [{}, ...series.map((s, i) => ({
          label: s.label, stroke: cssVar(PALETTE[i % PALETTE.length]), width: 2,
          fill: kind === 'bar' ? cssVar(PALETTE[i % PALETTE.length]) + '99' : undefined,
          paths: bars, points: { show: kind === 'line' && s.points.length < 40 },
        }))],
      } as any, aligned(series) as any, element);
      setDrawn(true);
      observer = new ResizeObserver(() => plot?.setSize(size()));
      observer.observe(element);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [key, kind, span?.[0], span?.[1], theme]);
  const points = series.reduce((n, s) => n + s.points.length, 0);
  return (
    <div class="tile-chart" ref={box} role="img" data-drawn={drawn ? 'true' : 'false'} data-points={points}
      aria-label={`${kind === 'bar' ? 'Bar' : 'Line'} chart of ${title}: ${series.length} series, ${points} points`} />
  );
}
