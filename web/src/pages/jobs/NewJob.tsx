import { useEffect, useState } from 'preact/hooks';
import { DeviceTemplate, get } from '../../api';
import { navigate } from '../../router';
import { ErrorBanner, Notice, Spinner, toast } from '../../ui/components';
import { useTemplateModel } from '../device/model';
import { DeviceGroup, fromFilter } from '../groups/groupApi';
import { useList } from '../useList';
import { createJob, idFrom, Job, JobData, JobDefinition, jobPath, scheduleJob } from './jobApi';
import { Limits, LimitsFields, limitsOf, limitsFrom, Timing, TimingFields, scheduleOf } from './JobOptions';
import { dataOf, fieldsOf, NO_WHAT, What, WhatFields, whatOf } from './JobWhat';

/** The template a group's filter names ($template = "…"), if it names one. */
function templateOf(group: DeviceGroup | undefined): string {
  return fromFilter(group?.filter ?? '')?.rows.find((r) => r.field === '$template' && r.operator === '=')?.value ?? '';
}

/** What the flow starts from: nothing, or a copy of a job (its first data item in the form, the others kept as they are). */
interface Start { name: string; group: string; what: What; more: JobData[]; limits: Limits }

const EMPTY: Start = { name: '', group: '', what: NO_WHAT, more: [], limits: limitsFrom({}) };

function copyOf(job: Job): Start {
  return { name: 'Copy of ' + (job.displayName ?? job.id), group: job.group, what: whatOf(job.data[0]), more: job.data.slice(1), limits: limitsFrom(job) };
}

/** The guided new-job flow, empty or (with `copy`) prefilled with that job's group, data, batch and threshold. */
export function NewJob({ copy }: { copy?: string }) {
  const [start, setStart] = useState<Start | null>(copy ? null : EMPTY);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (copy) get<Job>(jobPath(copy)).then((job) => setStart(copyOf(job)), setError);
  }, [copy]);
  if (!start) return error ? <ErrorBanner error={error} /> : <Spinner />;
  return <JobForm start={start} copied={copy} />;
}

function JobForm({ start, copied }: { start: Start; copied?: string }) {
  const groups = useList<DeviceGroup>('/deviceGroups');
  const templates = useList<DeviceTemplate>('/deviceTemplates');
  const [name, setName] = useState(start.name);
  const [groupId, setGroupId] = useState(start.group);
  const [what, setWhat] = useState<What>(start.what);
  const [limits, setLimits] = useState<Limits>(start.limits);
  const [timing, setTiming] = useState<Timing>({ when: 'now', start: '', recurrence: '', occurrences: 0 });
  const [error, setError] = useState<unknown>(null);
  const group = groups.items?.find((g) => g.id === groupId);
  const target = templateOf(group) || what.template;
  const { model } = useTemplateModel(what.kind === 'deviceTemplateMigration' ? undefined : target || undefined);
  const fields = fieldsOf(model, what);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const data = dataOf(what, target, fields);
    if (typeof data === 'string') {
      setError(new Error(data));
      return;
    }
    try {
      const job: JobDefinition = { displayName: name, group: groupId, data: [data, ...start.more], ...limitsOf(limits) };
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
      setError(err);
    }
  };
  return (
    <section aria-labelledby="new-job-title">
      <h1 id="new-job-title">New job</h1>
      {copied && <Notice>A copy of the job {copied}: change what you need, then run or schedule it.</Notice>}
      <form class="card job-form" onSubmit={submit}>
        <div class="field"><label for="job-name">Name</label><input id="job-name" required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></div>
        <div class="field"><label for="job-device-group">Device group</label>
          <select id="job-device-group" required value={groupId} onChange={(e) => setGroupId((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a group</option>
            {groups.items?.map((g) => <option key={g.id} value={g.id}>{g.displayName}</option>)}
          </select></div>
        <WhatFields what={what} model={model} fields={fields} target={target} askTemplate={!!group && !templateOf(group)}
          templates={templates.items ?? []} onChange={setWhat} />
        {start.more.length > 0 && <p class="muted small">The job's {start.more.length} other change{start.more.length > 1 ? 's are' : ' is'} copied as {start.more.length > 1 ? 'they are' : 'it is'}.</p>}
        <LimitsFields limits={limits} onChange={setLimits} />
        <TimingFields timing={timing} onChange={setTiming} />
        <ErrorBanner error={error} />
        <div><button type="submit" class="primary">{timing.when === 'now' ? 'Run job' : 'Schedule job'}</button></div>
      </form>
    </section>
  );
}
