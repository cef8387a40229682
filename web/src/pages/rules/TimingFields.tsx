import { durationSeconds } from '../device/history';
import { RuleBody } from './ruleApi';

/** Tumbling windows a rule may aggregate over, in minutes (whole minutes that divide a day). */
const WINDOWS = [1, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/** The timing as the form holds it: a window in minutes (0: none), lateness in seconds, quiet and re-notify in minutes ('' for never). */
export interface DraftTiming { window: number; lateness: number; resolveAfter: number; renotify: string }

export function draftTimingOf(rule: Partial<RuleBody>): DraftTiming {
  const minutes = (iso?: string) => (iso ? durationSeconds(iso) / 60 : 0);
  return {
    window: minutes(rule.window),
    lateness: rule.lateness ? durationSeconds(rule.lateness) : 10,
    resolveAfter: minutes(rule.resolveAfter),
    renotify: rule.renotify ? String(minutes(rule.renotify)) : '',
  };
}

export function timingOf(t: DraftTiming): Pick<RuleBody, 'window' | 'lateness' | 'resolveAfter' | 'renotify'> {
  return {
    ...(t.window > 0 ? { window: 'PT' + t.window + 'M', lateness: 'PT' + t.lateness + 'S' } : {}),
    resolveAfter: 'PT' + Math.round(t.resolveAfter * 60) + 'S',
    ...(t.renotify.trim() !== '' ? { renotify: 'PT' + Math.round(Number(t.renotify) * 60) + 'S' } : {}),
  };
}

const label = (m: number) => (m % 1440 === 0 ? m / 1440 + ' day' : m % 60 === 0 ? m / 60 + ' h' : m + ' min');
const num = (e: Event) => Number((e.target as HTMLInputElement).value);

/** Aggregation window and lateness, quiet period before a resolve, and re-notification while firing. */
export function TimingFields({ timing: t, onChange }: { timing: DraftTiming; onChange: (t: DraftTiming) => void }) {
  return (
    <fieldset class="rule-section">
      <legend>Timing</legend>
      <div class="form-row">
        <div class="field"><label for="rule-window">Aggregate over</label>
          <select id="rule-window" value={t.window} onChange={(e) => onChange({ ...t, window: num(e) })}>
            <option value={0}>No window: every value counts</option>
            {WINDOWS.map((m) => <option key={m} value={m}>{label(m)} windows</option>)}
          </select></div>
        {t.window > 0 && (
          <div class="field"><label for="rule-lateness">Wait for late values (seconds)</label>
            <input id="rule-lateness" type="number" min={0} max={t.window * 60} value={t.lateness} onInput={(e) => onChange({ ...t, lateness: num(e) })} /></div>
        )}
        <div class="field"><label for="rule-resolve-after">Resolve after quiet (minutes)</label>
          <input id="rule-resolve-after" type="number" min={0} step="any" value={t.resolveAfter} onInput={(e) => onChange({ ...t, resolveAfter: num(e) })} /></div>
        <div class="field"><label for="rule-renotify">Notify again while firing every (minutes)</label>
          <input id="rule-renotify" type="number" min={1} placeholder="never" value={t.renotify} onInput={(e) => onChange({ ...t, renotify: (e.target as HTMLInputElement).value })} /></div>
      </div>
    </fieldset>
  );
}
