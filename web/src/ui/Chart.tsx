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

/** A moment marked on a chart with a vertical line: a rule's fire (drawn in the "bad" colour) or resolve ("ok"). */
export interface Mark {
  /** Seconds, as the series' times. */
  t: number;
  kind: 'fired' | 'resolved';
}

const NO_MARKS: Mark[] = [];

/** Draws the marks and a dashed horizontal threshold line over the plot area. */
function drawOverlay(u: uPlotType, marks: Mark[], threshold: number | undefined) {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  ctx.save();
  ctx.lineWidth = 2 * devicePixelRatio;
  for (const m of marks) {
    const x = u.valToPos(m.t, 'x', true);
    if (x < left || x > left + width) continue;
    ctx.strokeStyle = cssVar(m.kind === 'fired' ? '--bad' : '--ok');
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, top + height);
    ctx.stroke();
  }
  if (threshold !== undefined) {
    const y = u.valToPos(threshold, 'y', true);
    ctx.strokeStyle = cssVar('--warn');
    ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
  }
  ctx.restore();
}

function thresholdRange(min: number | null, max: number | null, threshold: number | undefined): [number, number] {
  const t = threshold ?? 0;
  const lo = Math.min(min ?? t, t);
  const hi = Math.max(max ?? t, t);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
  return [lo - pad, hi + pad];
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
export function TimeChart({ label, data, version, height = 220, span, marks = NO_MARKS, threshold, onRendered }: {
  label: string; data: Series; version: number; height?: number;
  /** Vertical lines at moments such as a rule's fires and resolves. */
  marks?: Mark[];
  /** A horizontal line at this value (the y range includes it). */
  threshold?: number;
  /** The x range (seconds), such as a history window or a moving live window; by default the range of the data. */
  span?: [number, number];
  onRendered?: (ms: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlotType | null>(null);
  // The x range is read when uPlot ranges the scale, so a moving window needs no new chart.
  const shownSpan = useRef(span);
  shownSpan.current = span;
  const overlay = useRef({ marks, threshold });
  overlay.current = { marks, threshold };
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
        scales: {
          x: span ? { time: true, range: () => shownSpan.current } : { time: true },
          // A threshold stays in view: the y range spans it and the data, with a little room.
          ...(threshold !== undefined ? { y: { range: (_u: uPlotType, min: number | null, max: number | null) => thresholdRange(min, max, overlay.current.threshold) } } : {}),
        },
        axes: [axis, { ...axis, size: 60 }],
        series: [{}, { label: banded ? label + ' (avg)' : label, stroke: accent, width: 2, points: { show: data.t.length < 60 }, spanGaps: false },
          ...(banded ? [{ ...edge, label: 'min' }, { ...edge, label: 'max' }] : [])],
        bands: banded ? [{ series: [3, 2], fill: cssVar('--accent-soft') }] : undefined,
        // The time range drawn, in seconds, for tests and tools that read the page.
        hooks: { draw: [(u: uPlotType) => {
          u.root.parentElement?.setAttribute('data-x-range', `${u.scales.x.min} ${u.scales.x.max}`);
          drawOverlay(u, overlay.current.marks, overlay.current.threshold);
        }] },
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
  }, [label, height, !!data.min, threshold !== undefined]);

  useEffect(() => {
    plot.current?.setData(columns(data) as any);
  }, [version, data, span?.[0], span?.[1], marks, threshold]);

  if (failed) return <div class="banner error" role="alert">The chart could not be drawn: {failed}</div>;
  const fired = marks.filter((m) => m.kind === 'fired').length;
  const marked = marks.length ? `, ${count(fired, 'fire')} and ${count(marks.length - fired, 'resolve')} marked` : '';
  const line = threshold !== undefined ? `, threshold ${threshold}` : '';
  return <div class="chart" ref={box} role="img" aria-label={`Line chart of ${label}, ${data.min ? count(data.t.length, 'bucket') + ' with minimum and maximum' : count(data.t.length, 'point')}${marked}${line}`}
    data-points={data.t.length} data-marks={marks.length ? marks.map((m) => m.kind + '@' + m.t).join(' ') : undefined} />;
}
