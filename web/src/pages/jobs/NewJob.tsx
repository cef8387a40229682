import { useState } from 'preact/hooks';
import { DeviceTemplate } from '../../api';
import { navigate } from '../../router';
import { ErrorBanner, toast } from '../../ui/components';
import { capabilities, propertyKind, useTemplateModel } from '../device/model';
import { DeviceGroup, fromFilter } from '../groups/groupApi';
import { useList } from '../useList';
import { createJob, idFrom, JobData, JobDefinition, jobPath, scheduleJob } from './jobApi';
import { Limits, LimitsFields, limitsOf, Timing, TimingFields, scheduleOf } from './JobOptions';

type Kind = JobData['type'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'command', label: 'Run a command' },
  { value: 'property', label: 'Set a property' },
  { value: 'cloudProperty', label: 'Set a cloud property' },
  { value: 'deviceTemplateMigration', label: 'Move to another template' },
];

/** The template a group's filter names ($template = "…"), if it names one. */
function templateOf(group: DeviceGroup | undefined): string {
  return fromFilter(group?.filter ?? '')?.rows.find((r) => r.field === '$template' && r.operator === '=')?.value ?? '';
}

/** The guided new-job flow: name, group, what to do (from the group's template), limits, now or scheduled. */
export function NewJob() {
  const groups = useList<DeviceGroup>('/deviceGroups');
  const templates = useList<DeviceTemplate>('/deviceTemplates');
  const [name, setName] = useState('');
  const [groupId, setGroupId] = useState('');
  const [kind, setKind] = useState<Kind>('command');
  const [chosenTemplate, setChosenTemplate] = useState('');
  const [capability, setCapability] = useState('');
  const [value, setValue] = useState('');
  const [wait, setWait] = useState(0);
  const [limits, setLimits] = useState<Limits>({ batch: false, batchType: 'number', batchValue: 10, cancel: false, cancelType: 'percentage', cancelValue: 50, perBatch: false });
  const [timing, setTiming] = useState<Timing>({ when: 'now', start: '', recurrence: '', occurrences: 0 });
  const [error, setError] = useState<unknown>(null);
  const group = groups.items?.find((g) => g.id === groupId);
  const template = templateOf(group) || chosenTemplate;
  const { model } = useTemplateModel(kind === 'deviceTemplateMigration' ? undefined : template || undefined);
  const choices = kind === 'command' ? capabilities(model, 'Command')
    : capabilities(model, 'Property').filter((p) => propertyKind(p) === (kind === 'property' ? 'writable' : 'cloud'));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      let parsed: unknown = undefined;
      if (value.trim() !== '') parsed = JSON.parse(value);
      const data: JobData = kind === 'deviceTemplateMigration' ? { type: kind, template: chosenTemplate }
        : { type: kind, target: template, path: capability, ...(parsed !== undefined ? { value: parsed } : {}),
          ...(kind === 'command' && wait > 0 ? { connectionTimeout: wait } : {}) };
      const job: JobDefinition = { displayName: name, group: groupId, data: [data], ...limitsOf(limits) };
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
        <div class="field"><label for="job-device-group">Device group</label><select id="job-device-group" required value={groupId} onChange={(e) => setGroupId((e.target as HTMLSelectElement).value)}>
            <option value="">Choose a group</option>
            {groups.items?.map((g) => <option key={g.id} value={g.id}>{g.displayName}</option>)}
          </select></div>
        <div class="field"><label for="job-job-type">Job type</label><select id="job-job-type" value={kind} onChange={(e) => { setKind((e.target as HTMLSelectElement).value as Kind); setCapability(''); }}>
            {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select></div>
        {(kind === 'deviceTemplateMigration' || (group && !templateOf(group))) && (
          <div class="field"><label for="job-template">{kind === 'deviceTemplateMigration' ? 'New template' : 'Device template'}</label>
            <select id="job-template" required value={chosenTemplate} onChange={(e) => setChosenTemplate((e.target as HTMLSelectElement).value)}>
              <option value="">Choose a template</option>
              {templates.items?.map((t) => <option key={t['@id']} value={t['@id']}>{t.displayName} ({t['@id']})</option>)}
            </select>
          </div>
        )}
        {kind !== 'deviceTemplateMigration' && (
          <>
            <div class="field"><label for="job-capability">{kind === 'command' ? 'Command' : 'Property'}</label>
              <select id="job-capability" required value={capability} onChange={(e) => setCapability((e.target as HTMLSelectElement).value)}>
                <option value="">{template ? 'Choose one' : 'Choose a group first'}</option>
                {choices.map((c) => {
                  const path = c.component ? c.component + '/' + c.name : c.name;
                  return <option key={path} value={path}>{c.displayName} ({path})</option>;
                })}
              </select>
            </div>
            <div class="field"><label for="job-value">{kind === 'command' ? 'Command payload (JSON, optional)' : 'Value (JSON)'}</label>
              <textarea id="job-value" rows={3} class="mono" required={kind !== 'command'} value={value} onInput={(e) => setValue((e.target as HTMLTextAreaElement).value)} />
            </div>
            {kind === 'command' && (
              <div class="field"><label for="job-wait-for-offline-devices">Wait for offline devices (seconds, 0 to 300)</label><input id="job-wait-for-offline-devices" type="number" min={0} max={300} value={wait} onInput={(e) => setWait(Number((e.target as HTMLInputElement).value))} /></div>
            )}
          </>
        )}
        <LimitsFields limits={limits} onChange={setLimits} />
        <TimingFields timing={timing} onChange={setTiming} />
        <ErrorBanner error={error} />
        <div><button type="submit" class="primary">{timing.when === 'now' ? 'Run job' : 'Schedule job'}</button></div>
      </form>
    </section>
  );
}
