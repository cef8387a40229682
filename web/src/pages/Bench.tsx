import { useMemo, useState } from 'preact/hooks';
import { TimeChart } from '../ui/Chart';
import { count } from '../ui/format';

/**
 * /bench/chart?days=7&step=60: renders one capability over `days` days at one point every `step`
 * seconds (synthetic data) and shows how long the chart took — the number BENCHMARKS.md records.
 */
export function ChartBench() {
  const params = new URLSearchParams(location.search);
  const days = Number(params.get('days') ?? 7);
  const step = Number(params.get('step') ?? 60);
  const [ms, setMs] = useState<number | null>(null);
  const data = useMemo(() => {
    const n = Math.floor((days * 86400) / step);
    const end = Math.floor(Date.now() / 1000);
    const t = new Array<number>(n);
    const v = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      t[i] = end - (n - i) * step;
      v[i] = 20 + 5 * Math.sin(i / 200) + Math.random();
    }
    return { t, v };
  }, [days, step]);
  return (
    <section>
      <h1>Chart benchmark</h1>
      <p>
        {count(data.t.length, 'point')} ({days} days, one every {step} s):{' '}
        <output data-testid="chart-ms">{ms === null ? 'rendering…' : ms.toFixed(1) + ' ms'}</output>
      </p>
      <div class="card"><TimeChart label="temperature" data={data} version={0} onRendered={setMs} /></div>
    </section>
  );
}
