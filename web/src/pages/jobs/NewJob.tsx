import { useState } from 'preact/hooks';
import { DeviceTemplate } from '../../api';
import { navigate } from '../../router';
import { ErrorBanner, toast } from '../../ui/components';
import { DeviceGroup, fromFilter } from '../groups/groupApi';
import { useList } from '../useList';
import { createJob, idFrom, JobDefinition, jobPath, scheduleJob } from './jobApi';
import { Limits, LimitsFields, limitsOf, Timing, TimingFields, scheduleOf } from './JobOptions';
import { dataOf, NO_WHAT, What, WhatFields } from './JobWhat';

/** The template a group's filter names ($template = "…"), if it names one. */
function templateOf(group: DeviceGroup | undefined): string {
  return fromFilter(group?.filter ?? '')?.rows.find((r) => r.field === '$template' && r.operator === '=')?.value ?? '';
}

const NO_LIMITS: Limits = { batch: false, batchType: 'number', batchValue: 10, cancel: false, cancelType: 'percentage', cancelValue: 50, perBatch: false };

/** The guided new-job flow: name, group, what to do (from the group's template), limits, now or scheduled. */
export function NewJob() {
  const groups = useList<DeviceGroup>('/deviceGroups');
  const templates = useList<DeviceTemplate>('/deviceTemplates');
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [what, setWhat] = useState<What>(NO_WHAT);
  const [limits, setLimits] = useState<Limits>(NO_LIMITS);
  const [timing, setTiming] = useState<Timing>({ when: 'now', start: '', recurrence: '', occurrences: 0 });
  const [error, setError] = useState<unknown>(null);
  const group = groups.items?.find((g) => g.id === groupId);
  const target = templateOf(group) || what.template;

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const job: JobDefinition = { displayName: name, group: groupId, data: [dataOf(what, target)], ...limitsOf(limits) };
      const id = idFrom(name);
      if (timing.when === 'now') {
        await createJob(id, job);
        toast('Job started.');
        navigate(jobPath(id));
      } else {
        await scheduleJob(id, { ...job, schedule: scheduleOf(timing), enabled: true });
        toast('Job scheduled.');
        navigate('/jobs');
      }
    } catch (err) {
      setError(err instanceof SyntaxError ? new Error('The value is not valid JSON: ' + err.message) : err);
    }
  };
  return (
    <section aria-labelledby="new-job-title">
      <h1 id="new-job-title">New job</h1>
      <form class="card job-form" onSubmit={submit}>
        <div class="field"><label for="job-name">Name</label><input id="job-name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="job-device-group">Device group</label>
          <select id="job-device-group" required value={groupId} onChange={(e) => setGroupId((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a group</option>
            {groups.items?.map((g) => <option key={g.id} value={g.id}>{g.displayName}</option>)}
          </select></div>
        <WhatFields what={what} target={target} askTemplate={!!group && !templateOf(group)} templates={templates.items ?? []} onChange={setWhat} />
        <LimitsFields limits={limits} onChange={setLimits} />
        <TimingFields timing={timing} onChange={setTiming} />
        <ErrorBanner error={error} />
        <div><button type="submit" class="primary">{timing.when === 'now' ? 'Run job' : 'Schedule job'}</button></div>
      </form>
    </section>
  );
}
