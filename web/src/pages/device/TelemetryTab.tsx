import { useState } from 'preact/hooks';
import { LiveStatus, LiveTelemetry } from '../../live';
import { Series, TimeChart } from '../../ui/Chart';
import { Notice } from '../../ui/components';
import { CapabilityAdder, CustomRange } from './HistoryControls';
import { HistoryCharts } from './HistoryCharts';
import { Range, WINDOW_MS } from './history';

const MAX_POINTS = 5_000;
const MAX_MESSAGES = 500;

/** Telemetry received live since the device page opened: a series per numeric capability, and the raw messages. */
export class TelemetryStore {
  readonly series = new Map<string, Series>();
  readonly messages: LiveTelemetry[] = [];

  add(t: LiveTelemetry) {
    this.messages.unshift(t);
    if (this.messages.length > MAX_MESSAGES) this.messages.length = MAX_MESSAGES;
    if (t.error || !t.body || typeof t.body !== 'object') return;
    const time = Date.parse(t.time) / 1000;
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        const key = prefix + k;
        if (typeof v === 'number' && Number.isFinite(v)) this.push(key, time, v);
        else if (typeof v === 'boolean') this.push(key, time, v ? 1 : 0);
        else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, key + '.');
      }
    };
    walk(t.body as Record<string, unknown>, t.component ? t.component + '/' : '');
  }

  private push(key: string, time: number, value: number) {
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { t: [], v: [] }));
    s.t.push(time);
    s.v.push(value);
    if (s.t.length > MAX_POINTS) {
      s.t.splice(0, s.t.length - MAX_POINTS);
      s.v.splice(0, s.v.length - MAX_POINTS);
    }
  }
}

const WINDOWS = [
  { id: 'live', label: 'Live' },
  { id: '30m', label: '30 minutes' },
  { id: '12h', label: '12 hours' },
  { id: '7d', label: '7 days' },
  { id: 'custom', label: 'Custom…' },
];

export function TelemetryTab({ deviceId, store, version, live }: { deviceId: string; store: TelemetryStore; version: number; live: LiveStatus }) {
  const [mode, setMode] = useState('live');
  const [range, setRange] = useState<Range | null>(null);
  const [extra, setExtra] = useState<string[]>([]);
  const names = [...new Set([...store.series.keys(), ...extra])].sort();
  const choose = (id: string) => {
    setMode(id);
    setRange(WINDOW_MS[id] ? ending(WINDOW_MS[id]) : null);
  };
  return (
    <div>
      <div class="toolbar" role="group" aria-label="Time window">
        {WINDOWS.map((w) => (
          <button key={w.id} type="button" class={w.id === mode ? 'primary' : 'secondary'} aria-pressed={w.id === mode}
            onClick={() => choose(w.id)}>
            {w.label}
          </button>
        ))}
        {WINDOW_MS[mode] && <button type="button" class="secondary" onClick={() => setRange(ending(WINDOW_MS[mode]))}>Refresh</button>}
      </div>
      {mode === 'custom' && <CustomRange onShow={setRange} />}
      {mode !== 'live' && <CapabilityAdder onAdd={(n) => setExtra((e) => [...e, n])} />}
      {live === 'unavailable' && <Notice kind="warn">Live updates are unavailable: the server did not accept the live connection. Reload the page to retry.</Notice>}
      {mode !== 'live' ? (
        names.length === 0 ? <Notice>Add a capability by name to see its history, or wait for the device to send telemetry.</Notice>
          : range && <><p class="muted" data-testid="history-range">{range.from.toLocaleString()} – {range.to.toLocaleString()}</p><HistoryCharts deviceId={deviceId} names={names} range={range} /></>
      ) : store.series.size === 0 ? (
        <div class="empty card" data-testid="no-telemetry">
          <h2>Waiting for telemetry</h2>
          <p>Numeric values in the device's messages appear here as one chart per capability as soon as they arrive.</p>
        </div>
      ) : (
        <div class="charts">
          {[...store.series.keys()].sort().map((n) => {
            const s = store.series.get(n)!;
            const last = s.v[s.v.length - 1];
            return (
              <figure class="card chart-card" key={n} data-capability={n} data-mode="live">
                <figcaption>
                  <strong>{n}</strong> <span class="muted">latest</span> <span class="mono" data-testid="latest">{last}</span> <span class="muted">· {s.t.length} points</span>
                </figcaption>
                <TimeChart label={n} data={s} version={version} />
              </figure>
            );
          })}
        </div>
      )}
    </div>
  );
}

function ending(ms: number): Range {
  const to = new Date();
  return { from: new Date(to.getTime() - ms), to };
}
