import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlotType from 'uplot';
import { count } from './format';

export interface Series {
  /** Times in seconds (uPlot's x unit). */
  t: number[];
  v: (number | null)[];
  /** Per-point minimum and maximum of downsampled buckets, drawn as a band around `v` (the average). */
  min?: (number | null)[];
  max?: (number | null)[];
}

function columns(data: Series) {
  return data.min && data.max ? [data.t, data.v, data.min, data.max] : [data.t, data.v];
}

let uPlotModule: Promise<typeof uPlotType> | undefined;
/** uPlot is loaded on first use, so the first page load doesn't pay for it. */
export function loadUPlot() {
  uPlotModule ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => m.default);
  return uPlotModule;
}

function cssVar(name: string) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * A time-series line chart of one capability. `version` changes whenever `data` was appended to,
 * so the chart redraws without copying arrays on every message.
 */
export function TimeChart({ label, data, version, height = 220, span, onRendered }: {
  label: string; data: Series; version: number; height?: number;
  /** The x range (seconds), such as a history window or a moving live window; by default the range of the data. */
  span?: [number, number];
  onRendered?: (ms: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlotType | null>(null);
  // The x range is read when uPlot ranges the scale, so a moving window needs no new chart.
  const shownSpan = useRef(span);
  shownSpan.current = span;
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    const started = performance.now();
    loadUPlot().then((uPlot) => {
      if (disposed || !box.current) return;
      const width = box.current.clientWidth || 600;
      const accent = cssVar('--accent');
      const banded = !!(data.min && data.max);
      const edge = { stroke: accent, width: 1, alpha: 0.5, points: { show: false } };
      const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid') } };
      plot.current = new uPlot({
        width,
        height,
        title: undefined,
        legend: { show: true },
        cursor: { drag: { x: true, y: false } },
        scales: { x: span ? { time: true, range: () => shownSpan.current } : { time: true } },
        axes: [axis, { ...axis, size: 60 }],
        series: [{}, { label: banded ? label + ' (avg)' : label, stroke: accent, width: 2, points: { show: data.t.length < 60 }, spanGaps: false },
          ...(banded ? [{ ...edge, label: 'min' }, { ...edge, label: 'max' }] : [])],
        bands: banded ? [{ series: [3, 2], fill: cssVar('--accent-soft') }] : undefined,
        // The time range drawn, in seconds, for tests and tools that read the page.
        hooks: { draw: [(u: uPlotType) => { u.root.parentElement?.setAttribute('data-x-range', `${u.scales.x.min} ${u.scales.x.max}`); }] },
      } as any, columns(data) as any, box.current);
      onRendered?.(performance.now() - started);
      observer = new ResizeObserver(() => {
        if (box.current && plot.current) plot.current.setSize({ width: box.current.clientWidth, height });
      });
      observer.observe(box.current);
    }, (e) => setFailed(String(e)));
    return () => {
      disposed = true;
      observer?.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [label, height, !!data.min]);

  useEffect(() => {
    plot.current?.setData(columns(data) as any);
  }, [version, data, span?.[0], span?.[1]]);

  if (failed) return <div class="banner error" role="alert">The chart could not be drawn: {failed}</div>;
  return <div class="chart" ref={box} role="img" aria-label={`Line chart of ${label}, ${data.min ? count(data.t.length, 'bucket') + ' with minimum and maximum' : count(data.t.length, 'point')}`} data-points={data.t.length} />;
}
