import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlotType from 'uplot';

export interface Series {
  /** Times in seconds (uPlot's x unit). */
  t: number[];
  v: (number | null)[];
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
export function TimeChart({ label, data, version, height = 220, onRendered }: { label: string; data: Series; version: number; height?: number; onRendered?: (ms: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlotType | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    const started = performance.now();
    loadUPlot().then((uPlot) => {
      if (disposed || !box.current) return;
      const width = box.current.clientWidth || 600;
      const axis = { stroke: cssVar('--muted'), grid: { stroke: cssVar('--grid'), width: 1 }, ticks: { stroke: cssVar('--grid') } };
      plot.current = new uPlot({
        width,
        height,
        title: undefined,
        legend: { show: true },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: true } },
        axes: [axis, { ...axis, size: 60 }],
        series: [{}, { label, stroke: cssVar('--accent'), width: 2, points: { show: data.t.length < 60 }, spanGaps: false }],
      }, [data.t, data.v] as any, box.current);
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
  }, [label, height]);

  useEffect(() => {
    plot.current?.setData([data.t, data.v] as any);
  }, [version, data]);

  if (failed) return <div class="banner error" role="alert">The chart could not be drawn: {failed}</div>;
  return <div class="chart" ref={box} role="img" aria-label={`Line chart of ${label}, ${data.t.length} points`} data-points={data.t.length} />;
}
