import { Amount, JobDefinition, JobSchedule } from './jobApi';

/** The batching and cancellation threshold a person chose. */
export interface Limits {
  batch: boolean; batchType: Amount['type']; batchValue: number;
  cancel: boolean; cancelType: Amount['type']; cancelValue: number; perBatch: boolean;
}

/** Now, or on a schedule: a start, a recurrence ('' for once) and a number of occurrences (0: no end). */
export interface Timing { when: 'now' | 'scheduled'; start: string; recurrence: '' | 'daily' | 'weekly' | 'monthly'; occurrences: number }

export function limitsOf(l: Limits): Pick<JobDefinition, 'batch' | 'cancellationThreshold'> {
  return {
    ...(l.batch ? { batch: { type: l.batchType, value: l.batchValue } } : {}),
    ...(l.cancel ? { cancellationThreshold: { type: l.cancelType, value: l.cancelValue, batch: l.perBatch } } : {}),
  };
}

/** The limits of an existing job (the defaults where it has none). */
export function limitsFrom(job: Pick<JobDefinition, 'batch' | 'cancellationThreshold'>): Limits {
  const b = job.batch;
  const c = job.cancellationThreshold;
  return {
    batch: !!b, batchType: b?.type ?? 'number', batchValue: b?.value ?? 10,
    cancel: !!c, cancelType: c?.type ?? 'percentage', cancelValue: c?.value ?? 50, perBatch: c?.batch ?? false,
  };
}

export function scheduleOf(t: Timing): JobSchedule {
  return {
    start: new Date(t.start).toISOString(),
    ...(t.recurrence ? { recurrence: t.recurrence } : {}),
    ...(t.recurrence && t.occurrences > 0 ? { end: { type: 'occurrences' as const, occurrences: t.occurrences } } : {}),
  };
}

const num = (e: Event) => Number((e.target as HTMLInputElement).value);
const sel = (e: Event) => (e.target as HTMLSelectElement).value;

export function LimitsFields({ limits: l, onChange }: { limits: Limits; onChange: (l: Limits) => void }) {
  return (
    <fieldset>
      <legend>Batches and cancellation</legend>
      <label><input type="checkbox" checked={l.batch} onChange={() => onChange({ ...l, batch: !l.batch })} /> Run in batches</label>
      {l.batch && (
        <div class="row">
          <div class="field"><label for="job-batch-size">Batch size</label><input id="job-batch-size" type="number" min={1} value={l.batchValue} onInput={(e) => onChange({ ...l, batchValue: num(e) })} /></div>
          <div class="field"><label for="job-batch-size-in">Batch size in</label><select id="job-batch-size-in" value={l.batchType} onChange={(e) => onChange({ ...l, batchType: sel(e) as Amount['type'] })}>
            <option value="number">devices</option><option value="percentage">percent</option></select></div>
        </div>
      )}
      <label><input type="checkbox" checked={l.cancel} onChange={() => onChange({ ...l, cancel: !l.cancel })} /> Cancel when failures reach a threshold</label>
      {l.cancel && (
        <div class="row">
          <div class="field"><label for="job-threshold">Threshold</label><input id="job-threshold" type="number" min={1} value={l.cancelValue} onInput={(e) => onChange({ ...l, cancelValue: num(e) })} /></div>
          <div class="field"><label for="job-threshold-in">Threshold in</label><select id="job-threshold-in" value={l.cancelType} onChange={(e) => onChange({ ...l, cancelType: sel(e) as Amount['type'] })}>
            <option value="number">devices</option><option value="percentage">percent</option></select></div>
          <label><input type="checkbox" checked={l.perBatch} onChange={() => onChange({ ...l, perBatch: !l.perBatch })} /> Per batch</label>
        </div>
      )}
    </fieldset>
  );
}

export function TimingFields({ timing: t, onChange }: { timing: Timing; onChange: (t: Timing) => void }) {
  return (
    <fieldset>
      <legend>When</legend>
      <label><input type="radio" name="when" checked={t.when === 'now'} onChange={() => onChange({ ...t, when: 'now' })} /> Now</label>
      <label><input type="radio" name="when" checked={t.when === 'scheduled'} onChange={() => onChange({ ...t, when: 'scheduled' })} /> On a schedule</label>
      {t.when === 'scheduled' && (
        <div class="row">
          <div class="field"><label for="job-start">Start</label><input id="job-start" type="datetime-local" required value={t.start} onInput={(e) => onChange({ ...t, start: (e.target as HTMLInputElement).value })} /></div>
          <div class="field"><label for="job-repeat">Repeat</label><select id="job-repeat" value={t.recurrence} onChange={(e) => onChange({ ...t, recurrence: sel(e) as Timing['recurrence'] })}>
            <option value="">Once</option><option value="daily">Daily</option><option value="weekly">Weekly</option><option value="monthly">Monthly</option></select></div>
          {t.recurrence && <div class="field"><label for="job-occurrences-0-no-end">Occurrences (0: no end)</label><input id="job-occurrences-0-no-end" type="number" min={0} max={999} value={t.occurrences} onInput={(e) => onChange({ ...t, occurrences: num(e) })} /></div>}
        </div>
      )}
    </fieldset>
  );
}
