import { useEffect, useState } from 'preact/hooks';
import { linkClick } from '../../router';
import { Badge, ErrorBanner, Spinner } from '../../ui/components';
import { showValue } from '../../ui/format';
import { HistoryEntry, ruleHistory, rulePath, STATE_KINDS } from './ruleApi';

const LEAF_KEYS = ['value', 'avg', 'min', 'max', 'sum', 'count'];

/** The values an entry saw, `temperature = 31.5`, `avg(temperature) = 33.3`, a component's as `thermostat1/temperature`. */
export function valuesText(e: HistoryEntry): string {
  const out: string[] = [];
  const walk = (group: Record<string, unknown> | undefined, prefix: string) => {
    for (const [name, v] of Object.entries(group ?? {})) {
      const keys = v && typeof v === 'object' ? Object.keys(v) : [];
      if (keys.length && keys.every((k) => LEAF_KEYS.includes(k))) {
        for (const k of keys) out.push((k === 'value' ? prefix + name : `${k}(${prefix}${name})`) + ' = ' + showValue((v as any)[k]));
      } else if (keys.length) walk(v as Record<string, unknown>, prefix + name + '/');
      else out.push(prefix + name + ' = ' + showValue(v));
    }
  };
  walk(e.telemetry, '');
  walk(e.properties, '');
  walk(e.cloudProperties, 'cloud ');
  return out.join(', ');
}

/** What an entry says besides its values: the window, or an action's outcome. */
function detailText(e: HistoryEntry): string {
  if (e.kind === 'actionSent' || e.kind === 'actionFailed') {
    const what = `action ${(e.action ?? 0) + 1} (${e.type ?? 'action'})`;
    const tries = e.attempts ? `, ${e.attempts} ${e.attempts === 1 ? 'try' : 'tries'}` : '';
    const suppressed = e.suppressed ? `, ${e.suppressed} suppressed before` : '';
    return what + tries + suppressed + (e.error ? ': ' + e.error : '');
  }
  const values = valuesText(e);
  const window = e.window ? ` (window ${new Date(e.window.start).toLocaleTimeString()}–${new Date(e.window.end).toLocaleTimeString()})` : '';
  return values + window;
}

const KIND: Record<HistoryEntry['kind'], 'bad' | 'warn' | 'ok' | 'info' | 'neutral'> = {
  fired: 'bad', renotified: 'warn', resolved: 'ok', actionSent: 'info', actionFailed: 'bad',
};

/** One table of history entries (stored or replayed). */
export function HistoryTable({ label, entries, empty }: { label: string; entries: HistoryEntry[]; empty: string }) {
  return (
    <table class="table" aria-label={label}>
      <thead><tr><th scope="col">Time</th><th scope="col">Device</th><th scope="col">What</th><th scope="col">Values</th></tr></thead>
      <tbody>
        {entries.length === 0 && <tr><td colSpan={4} class="muted">{empty}</td></tr>}
        {entries.map((e, i) => (
          <tr key={e.id ?? i}>
            <td class="mono">{new Date(e.time).toLocaleString()}</td>
            <td><a href={'/devices/' + encodeURIComponent(e.device)} onClick={linkClick}>{e.device}</a></td>
            <td><Badge kind={KIND[e.kind]}>{e.kind}</Badge></td>
            <td class="mono wrap">{detailText(e)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A rule's stored history, newest first, a page at a time (reloaded when `version` changes); filtered by device and, optionally, without action outcomes. */
export function RuleHistory({ ruleId, version }: { ruleId: string; version: string }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [device, setDevice] = useState('');
  const [actions, setActions] = useState(true);
  const load = (path?: string) => {
    setError(null);
    ruleHistory(path ?? rulePath(ruleId) + '/history?maxpagesize=50').then((page) => {
      setEntries((before) => (path ? [...(before ?? []), ...page.value] : page.value));
      setNext(page.nextLink);
    }, setError);
  };
  useEffect(() => load(), [ruleId, version]);
  const devices = [...new Set((entries ?? []).map((e) => e.device))].sort();
  const shown = (entries ?? []).filter((e) => (!device || e.device === device) && (actions || STATE_KINDS.includes(e.kind)));
  return (
    <>
      <div class="page-head">
        <h2>History</h2>
        <div class="spacer" />
        <label>Device{' '}
          <select value={device} onChange={(e) => setDevice(e.currentTarget.value)}>
            <option value="">All devices</option>
            {devices.map((d) => <option key={d} value={d}>{d}</option>)}
          </select></label>
        <label class="check"><input type="checkbox" checked={actions} onChange={() => setActions(!actions)} /> Action outcomes</label>
        <button type="button" class="secondary" onClick={() => load()}>Refresh</button>
      </div>
      <ErrorBanner error={error} onRetry={() => load()} />
      {!entries && !error && <Spinner />}
      {entries && <HistoryTable label="Rule history" entries={shown} empty="Nothing yet: the rule has not fired." />}
      {next && <button type="button" class="secondary" onClick={() => load(next)}>Older entries</button>}
    </>
  );
}
