import { DeviceTemplate } from '../../api';
import { Capability, capabilities, propertyKind } from '../device/model';
import { formValues, FormValues, RequestField, requestFields, RequestInputs, requestValue } from '../device/RequestForm';
import { JobData } from './jobApi';

type Kind = JobData['type'];
const KINDS: { value: Kind; label: string }[] = [
  { value: 'command', label: 'Run a command' },
  { value: 'property', label: 'Set a property' },
  { value: 'cloudProperty', label: 'Set a cloud property' },
  { value: 'deviceTemplateMigration', label: 'Move to another template' },
];

/**
 * What a job does: its kind, the capability (path) or the new template, the value as the generated
 * form holds it (`values`) or as JSON text when the schema has no form (`json`), the wait for
 * offline devices.
 */
export interface What { kind: Kind; template: string; capability: string; values: FormValues; json: string; wait: number }

export const NO_WHAT: What = { kind: 'command', template: '', capability: '', values: {}, json: '', wait: 0 };

/** The form of a data item of an existing job (to copy it). */
export function whatOf(d: JobData): What {
  return { kind: d.type, template: d.template ?? d.target ?? '', capability: d.path ?? '', values: formValues(d.value),
    json: d.value === undefined ? '' : JSON.stringify(d.value, null, 2), wait: d.connectionTimeout ?? 0 };
}

const pathOf = (c: Capability) => (c.component ? c.component + '/' + c.name : c.name);

function choicesOf(model: any, kind: Kind): Capability[] {
  if (kind === 'command') return capabilities(model, 'Command');
  return capabilities(model, 'Property').filter((p) => propertyKind(p) === (kind === 'property' ? 'writable' : 'cloud'));
}

/** The generated inputs of the chosen command's request or property's value; null when it is typed as JSON. */
export function fieldsOf(model: any, w: What): RequestField[] | null {
  const chosen = model ? choicesOf(model, w.kind).find((c) => pathOf(c) === w.capability) : undefined;
  if (!chosen) return null;
  return requestFields(w.kind === 'command' ? chosen.element.request : chosen.element);
}

/** The job's data item (`target` is the group's template or the one chosen), or what to correct first. */
export function dataOf(w: What, target: string, fields: RequestField[] | null): JobData | string {
  if (w.kind === 'deviceTemplateMigration') return { type: w.kind, template: w.template };
  const value = requestValue(fields, w.values, w.json);
  if (typeof value === 'string') return value;
  if (w.kind !== 'command' && !('value' in value)) return 'Enter the value to set.';
  return { type: w.kind, target, path: w.capability, ...value,
    ...(w.kind === 'command' && w.wait > 0 ? { connectionTimeout: w.wait } : {}) };
}

const text = (e: Event) => (e.target as HTMLInputElement).value;

/**
 * The job type, the template when the group names none, the command or property from the template,
 * and its value through the form the device page generates from the schema.
 */
export function WhatFields({ what: w, model, fields, target, askTemplate, templates, onChange }: {
  what: What; model: any | null; fields: RequestField[] | null; target: string; askTemplate: boolean;
  templates: DeviceTemplate[]; onChange: (w: What) => void;
}) {
  const migrate = w.kind === 'deviceTemplateMigration';
  const command = w.kind === 'command';
  const choices = choicesOf(model, w.kind);
  const choose = (capability: string) => onChange({ ...w, capability, values: {}, json: '' });
  return (
    <>
      <div class="field"><label for="job-job-type">Job type</label>
        <select id="job-job-type" value={w.kind} onChange={(e) => onChange({ ...w, kind: text(e) as Kind, capability: '', values: {}, json: '' })}>
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
          <div class="field"><label for="job-capability">{command ? 'Command' : 'Property'}</label>
            <select id="job-capability" required value={w.capability} onChange={(e) => choose(text(e))}>
              <option value="">{target ? 'Choose one' : 'Choose a group first'}</option>
              {choices.map((c) => <option key={pathOf(c)} value={pathOf(c)}>{c.displayName} ({pathOf(c)})</option>)}
            </select></div>
          {w.capability && fields && (
            <fieldset>
              <legend>{command ? 'Command request' : 'Value'}</legend>
              <RequestInputs idPrefix="job-field-" fields={fields} values={w.values} onChange={(values) => onChange({ ...w, values })} />
              {fields.length === 0 && <p class="muted small">This command takes no request.</p>}
            </fieldset>
          )}
          {w.capability && !fields && (
            <div class="field"><label for="job-value">{command ? 'Command payload (JSON, optional)' : 'Value (JSON)'}</label>
              <textarea id="job-value" rows={3} class="mono" required={!command} value={w.json} onInput={(e) => onChange({ ...w, json: text(e) })} /></div>
          )}
          {command && (
            <div class="field"><label for="job-wait">Wait for offline devices (seconds, 0 to 300)</label>
              <input id="job-wait" type="number" min={0} max={300} value={w.wait} onInput={(e) => onChange({ ...w, wait: Number(text(e)) })} /></div>
          )}
        </>
      )}
    </>
  );
}
