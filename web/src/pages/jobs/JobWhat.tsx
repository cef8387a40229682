import { DeviceTemplate } from '../../api';
import { capabilities, propertyKind, useTemplateModel } from '../device/model';
import { JobData } from './jobApi';

type Kind = JobData['type'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'command', label: 'Run a command' },
  { value: 'property', label: 'Set a property' },
  { value: 'cloudProperty', label: 'Set a cloud property' },
  { value: 'deviceTemplateMigration', label: 'Move to another template' },
];

/** What a job does: its kind, the capability (path) or the new template, the value as JSON text, the wait for offline devices. */
export interface What { kind: Kind; template: string; capability: string; value: string; wait: number }

export const NO_WHAT: What = { kind: 'command', template: '', capability: '', value: '', wait: 0 };

/** The job's data item; `target` is the group's template (or the one chosen); throws SyntaxError for bad JSON. */
export function dataOf(w: What, target: string): JobData {
  if (w.kind === 'deviceTemplateMigration') return { type: w.kind, template: w.template };
  const value = w.value.trim() === '' ? undefined : JSON.parse(w.value);
  return { type: w.kind, target, path: w.capability, ...(value !== undefined ? { value } : {}),
    ...(w.kind === 'command' && w.wait > 0 ? { connectionTimeout: w.wait } : {}) };
}

const text = (e: Event) => (e.target as HTMLInputElement).value;

/** The job type, the template when the group names none, the command or property from the template, the value. */
export function WhatFields({ what: w, target, askTemplate, templates, onChange }: {
  what: What; target: string; askTemplate: boolean; templates: DeviceTemplate[]; onChange: (w: What) => void;
}) {
  const migrate = w.kind === 'deviceTemplateMigration';
  const { model } = useTemplateModel(migrate ? undefined : target || undefined);
  const choices = w.kind === 'command' ? capabilities(model, 'Command')
    : capabilities(model, 'Property').filter((p) => propertyKind(p) === (w.kind === 'property' ? 'writable' : 'cloud'));
  return (
    <>
      <div class="field"><label for="job-job-type">Job type</label>
        <select id="job-job-type" value={w.kind} onChange={(e) => onChange({ ...w, kind: text(e) as Kind, capability: '' })}>
          {KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select></div>
      {(migrate || askTemplate) && (
        <div class="field"><label for="job-template">{migrate ? 'New template' : 'Device template'}</label>
          <select id="job-template" required value={w.template} onChange={(e) => onChange({ ...w, template: text(e) })}>
            <option value="">Choose a template</option>
            {templates.map((t) => <option key={t['@id']} value={t['@id']}>{t.displayName} ({t['@id']})</option>)}
          </select></div>
      )}
      {!migrate && (
        <>
          <div class="field"><label for="job-capability">{w.kind === 'command' ? 'Command' : 'Property'}</label>
            <select id="job-capability" required value={w.capability} onChange={(e) => onChange({ ...w, capability: text(e) })}>
              <option value="">{target ? 'Choose one' : 'Choose a group first'}</option>
              {choices.map((c) => {
                const path = c.component ? c.component + '/' + c.name : c.name;
                return <option key={path} value={path}>{c.displayName} ({path})</option>;
              })}
            </select></div>
          <div class="field"><label for="job-value">{w.kind === 'command' ? 'Command payload (JSON, optional)' : 'Value (JSON)'}</label>
            <textarea id="job-value" rows={3} class="mono" required={w.kind !== 'command'} value={w.value} onInput={(e) => onChange({ ...w, value: text(e) })} /></div>
          {w.kind === 'command' && (
            <div class="field"><label for="job-wait">Wait for offline devices (seconds, 0 to 300)</label>
              <input id="job-wait" type="number" min={0} max={300} value={w.wait} onInput={(e) => onChange({ ...w, wait: Number(text(e)) })} /></div>
          )}
        </>
      )}
    </>
  );
}
