import { useEffect, useState } from 'preact/hooks';
import { ErrorBanner, Spinner } from '../../ui/components';
import { Mark, Series, TimeChart } from '../../ui/Chart';
import { count } from '../../ui/format';
import { keyOf } from './conditions';
import { replaySeries } from './replaySeries';
import { HistoryTable } from './RuleHistory';
import { ReplayResult, replayRule, Rule } from './ruleApi';

/** A datetime-local input's value for a moment, in the browser's time zone. */
function localInput(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The telemetry items of a rule a chart can draw, with the threshold a constant numeric value gives. */
function chartable(rule: Rule) {
  return rule.conditions.items.flatMap((item, index) => {
    if (!('telemetry' in item)) return [];
    const threshold = typeof item.value === 'number' && !item.compareTo ? item.value : undefined;
    return [{ index, key: keyOf(item.component, item.telemetry), aggregation: item.aggregation, threshold }];
  });
}

/** Runs the stored rule over a past range as a dry run and charts a device's condition with the fire and resolve marks. */
export function ReplayPanel({ rule }: { rule: Rule }) {
  const now = new Date();
  const [from, setFrom] = useState(localInput(new Date(now.getTime() - 3_600_000)));
  const [to, setTo] = useState(localInput(new Date(now.getTime() + 60_000)));
  const [result, setResult] = useState<{ answer: ReplayResult; from: Date; to: Date } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [device, setDevice] = useState('');
  const run = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const range = { from: new Date(from), to: new Date(to) };
      const answer = await replayRule(rule.id, range.from, range.to);
      setResult({ answer, ...range });
      setDevice((d) => d || answer.value[0]?.device || '');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const entries = result?.answer.value ?? [];
  const devices = [...new Set(entries.map((e) => e.device))].sort();
  const fires = entries.filter((e) => e.kind === 'fired' || e.kind === 'renotified').length;
  const resolves = entries.filter((e) => e.kind === 'resolved').length;
  return (
    <section class="card" aria-labelledby="replay-title">
      <h2 id="replay-title">Replay</h2>
      <p class="muted">Runs the rule over a past range of the event log as a dry run: nothing is stored and no action runs.</p>
      <form class="form-row" onSubmit={run}>
        <div class="field"><label for="replay-from">From</label><input id="replay-from" type="datetime-local" required value={from} onInput={(e) => setFrom(e.currentTarget.value)} /></div>
        <div class="field"><label for="replay-to">To</label><input id="replay-to" type="datetime-local" required value={to} onInput={(e) => setTo(e.currentTarget.value)} /></div>
        <div class="field"><button type="submit" class="primary" disabled={busy}>{busy ? 'Replaying…' : 'Run replay'}</button></div>
      </form>
      <ErrorBanner error={error} />
      {result && (
        <>
          <p data-testid="replay-summary">
            {count(fires, 'fire')} and {count(resolves, 'resolve')} from {count(result.answer.eventsRead, 'event')} read
            {result.answer.truncated && ' (stopped at a limit: narrow the range to see everything)'}.
          </p>
          <div class="field"><label for="replay-device">Device to chart</label>
            <input id="replay-device" list="replay-devices" value={device} onChange={(e) => setDevice(e.currentTarget.value)} placeholder="a device of the template" />
            <datalist id="replay-devices">{devices.map((d) => <option key={d} value={d} />)}</datalist></div>
          {device && <ReplayChart rule={rule} device={device} result={result} />}
          <HistoryTable label="Replay results" entries={device ? entries.filter((e) => e.device === device) : entries}
            empty="The rule would not have fired in this range." />
        </>
      )}
    </section>
  );
}

function ReplayChart({ rule, device, result }: { rule: Rule; device: string; result: { answer: ReplayResult; from: Date; to: Date } }) {
  const items = chartable(rule);
  const [itemIndex, setItemIndex] = useState(items[0]?.index ?? -1);
  const item = items.find((i) => i.index === itemIndex);
  const [series, setSeries] = useState<Series | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setSeries(null);
    setError(null);
    if (!item) return;
    const window = rule.window && item.aggregation ? { iso: rule.window, aggregation: item.aggregation } : undefined;
    replaySeries(device, item.key, result.from, result.to, window).then(setSeries, setError);
  }, [device, itemIndex, result]);
  if (!item) return <p class="muted">The rule has no telemetry condition to chart.</p>;
  const marks: Mark[] = result.answer.value.filter((e) => e.device === device && e.kind !== 'actionSent' && e.kind !== 'actionFailed')
    .map((e) => ({ t: Date.parse(e.time) / 1000, kind: e.kind === 'resolved' ? 'resolved' : 'fired' }));
  const label = (item.aggregation ? `${item.aggregation}(${item.key}) per ${rule.window}` : item.key) + ' of ' + device;
  return (
    <div class="chart-card" data-testid="replay-chart">
      {items.length > 1 && (
        <div class="field"><label for="replay-item">Condition</label>
          <select id="replay-item" value={itemIndex} onChange={(e) => setItemIndex(Number(e.currentTarget.value))}>
            {items.map((i) => <option key={i.index} value={i.index}>{`Condition ${i.index + 1}: ${i.key}`}</option>)}
          </select></div>
      )}
      <ErrorBanner error={error} />
      {!series && !error && <Spinner label="Loading the values…" />}
      {series && <TimeChart label={label} data={series} version={0} span={[result.from.getTime() / 1000, result.to.getTime() / 1000]} marks={marks} threshold={item.threshold} />}
      <p class="muted small">Red lines: fires; green lines: resolves{item.threshold !== undefined ? `; dashed: the threshold ${item.threshold}` : ''}.</p>
    </div>
  );
}
