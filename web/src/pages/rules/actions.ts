// The editor's model of a rule's actions and how each becomes the rule's JSON and back.
import { durationSeconds } from '../device/history';
import { RuleAction } from './ruleApi';

export type ActionType = RuleAction['type'];

export const ACTION_TYPES: { value: ActionType; label: string }[] = [
  { value: 'webhook', label: 'Webhook' },
  { value: 'email', label: 'Email' },
  { value: 'command', label: 'Run a command' },
  { value: 'property', label: 'Set a property' },
  { value: 'cloudProperty', label: 'Set a cloud property' },
];

/**
 * One action as the form holds it: texts as typed. `headers` is one `Name: value` per line, `to` is
 * addresses separated by commas, `payload` JSON text (a command's request or a property's value),
 * `minInterval` seconds ('' for the server's default), `capability` `component/name` or `name`.
 */
export interface DraftAction {
  type: ActionType;
  url: string;
  headers: string;
  secret: string;
  signed: boolean;
  to: string;
  capability: string;
  payload: string;
  on: 'fire' | 'resolve';
  minInterval: string;
}

export const NEW_ACTION: DraftAction = {
  type: 'webhook', url: '', headers: '', secret: '', signed: false, to: '', capability: '', payload: '', on: 'fire', minInterval: '',
};

const path = (component: string | undefined, name: string) => (component ? component + '/' + name : name);

export function draftActionOf(a: RuleAction): DraftAction {
  const d: DraftAction = {
    ...NEW_ACTION, type: a.type, on: a.on ?? 'fire',
    minInterval: a.minInterval ? String(durationSeconds(a.minInterval)) : '',
  };
  switch (a.type) {
    case 'webhook':
      return { ...d, url: a.url, signed: !!a.signed, headers: Object.entries(a.headers ?? {}).map(([k, v]) => k + ': ' + v).join('\n') };
    case 'email':
      return { ...d, to: a.to.join(', ') };
    case 'command':
      return { ...d, capability: path(a.component, a.command), payload: a.request === undefined ? '' : JSON.stringify(a.request) };
    case 'property':
      return { ...d, capability: path(a.component, a.property), payload: JSON.stringify(a.value) };
    case 'cloudProperty':
      return { ...d, capability: a.cloudProperty, payload: JSON.stringify(a.value) };
  }
}

function headersOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`the header line '${line}' is not 'Name: value'`);
    out[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return out;
}

function json(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the ${what} is not valid JSON`);
  }
}

function split(capability: string): { component?: string; name: string } {
  const slash = capability.indexOf('/');
  return slash < 0 ? { name: capability } : { component: capability.slice(0, slash), name: capability.slice(slash + 1) };
}

/** The form's action as the rule's JSON; throws an Error naming what does not fit. */
export function actionOf(d: DraftAction): RuleAction {
  const common = {
    ...(d.on === 'resolve' ? { on: 'resolve' as const } : {}),
    ...(d.minInterval.trim() !== '' ? { minInterval: 'PT' + Number(d.minInterval) + 'S' } : {}),
  };
  const { component, name } = split(d.capability);
  const where = component ? { component } : {};
  switch (d.type) {
    case 'webhook': {
      const headers = headersOf(d.headers);
      return { type: 'webhook', url: d.url.trim(), ...(Object.keys(headers).length ? { headers } : {}), ...(d.secret ? { secret: d.secret } : {}), ...common };
    }
    case 'email':
      return { type: 'email', to: d.to.split(',').map((s) => s.trim()).filter(Boolean), ...common };
    case 'command':
      return { type: 'command', command: name, ...where, ...(d.payload.trim() ? { request: json(d.payload, 'command request') } : {}), ...common };
    case 'property':
      return { type: 'property', property: name, ...where, value: json(d.payload, 'property value'), ...common };
    case 'cloudProperty':
      return { type: 'cloudProperty', cloudProperty: name, value: json(d.payload, 'cloud property value'), ...common };
  }
}
