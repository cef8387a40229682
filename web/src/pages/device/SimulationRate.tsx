import { useState } from 'preact/hooks';
import { api, Device } from '../../api';

const MIN_SECONDS = 0.25;
const MAX_SECONDS = 86_400;

/** Seconds of an ISO 8601 duration as the server writes it (PT2S, PT0.5S, PT1M30S, PT24H). */
export function intervalSeconds(iso: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(iso);
  if (!m || iso === 'PT') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

function describe(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round((seconds % 60) * 1000) / 1000;
  return [h && `${h} h`, m && `${m} min`, s && `${s} s`].filter(Boolean).join(' ');
}

/** How often a simulated device sends, and (with Update permission) a form that changes it by PATCH {simulationInterval}. */
export function SimulationRate({ device, canUpdate, onChanged }: { device: Device; canUpdate: boolean; onChanged: (d: Device) => void }) {
  const [editing, setEditing] = useState(false);
  const [seconds, setSeconds] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = device.simulationInterval ? intervalSeconds(device.simulationInterval) : undefined;

  const open = () => {
    setSeconds(current === undefined ? '' : String(current));
    setError(null);
    setEditing(true);
  };
  const save = async (interval: string | null) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await api<Device>('PATCH', '/devices/' + encodeURIComponent(device.id), { body: { simulationInterval: interval } }));
      setEditing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const value = Number(seconds.trim());
    if (seconds.trim() === '' || !Number.isFinite(value)) {
      setError('Enter the number of seconds between two messages, for example 2 or 0.5.');
    } else if (value < MIN_SECONDS || value > MAX_SECONDS) {
      setError(`The interval must be between ${MIN_SECONDS} seconds and one day (${MAX_SECONDS.toLocaleString('en')} seconds).`);
    } else if (Math.round(value * 1000) !== value * 1000) {
      setError('The interval can be given to the millisecond at most (three decimals).');
    } else {
      save(`PT${value}S`);
    }
  };
  return (
    <>
      <span data-testid="simulation-interval">
        {current !== undefined ? `Every ${describe(current)}` : <span class="muted">Server default</span>}
      </span>
      {canUpdate && !editing && <> <button type="button" class="link" onClick={open}>Change</button></>}
      {editing && (
        <form class="inline-form" onSubmit={submit} noValidate>
          <div class="field"><label for="sim-interval">Seconds between messages</label>
            <input id="sim-interval" type="number" inputMode="decimal" step="any" min={MIN_SECONDS} max={MAX_SECONDS}
              value={seconds} onInput={(e) => setSeconds(e.currentTarget.value)} /></div>
          <button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
          {device.simulationInterval && <button type="button" class="secondary" disabled={busy} onClick={() => save(null)}>Use default</button>}
          <button type="button" class="secondary" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      )}
      {error && <div class="banner error" role="alert">{error}</div>}
    </>
  );
}
