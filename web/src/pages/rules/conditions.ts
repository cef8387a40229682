// The editor's model of a rule's conditions: what a person picks (a kind, a capability of the
// template, an operator, a value as typed) and how it becomes the rule's JSON and back.
import { capabilities, Capability, propertyKind } from '../device/model';
import { durationSeconds } from '../device/history';
import { text, types } from '../templates/model';
import { Aggregation, ConditionItem } from './ruleApi';

export type ItemKind = 'telemetry' | 'property' | 'cloudProperty' | 'connectivity' | 'absence';

export const ITEM_KINDS: { value: ItemKind; label: string }[] = [
  { value: 'telemetry', label: 'Telemetry' },
  { value: 'property', label: 'Property' },
  { value: 'cloudProperty', label: 'Cloud property' },
  { value: 'connectivity', label: 'Connectivity' },
  { value: 'absence', label: 'No telemetry for' },
];

/** What a condition can compare: numbers, strings, booleans and enums; other schemas are not conditions. */
export type SchemaKind = 'number' | 'string' | 'boolean' | 'enum' | 'other';

const NUMBERS = ['integer', 'long', 'float', 'double'];

export function schemaKind(schema: any): SchemaKind {
  if (typeof schema === 'string') {
    if (NUMBERS.includes(schema)) return 'number';
    return schema === 'string' || schema === 'boolean' ? schema : 'other';
  }
  return types(schema).includes('Enum') ? 'enum' : 'other';
}

export const OPERATORS: Record<SchemaKind, string[]> = {
  number: ['>', '>=', '<', '<=', '==', '!='],
  string: ['==', '!=', 'contains', 'notContains'],
  boolean: ['==', '!='],
  enum: ['==', '!='],
  other: [],
};

export const AGGREGATIONS: Aggregation[] = ['avg', 'min', 'max', 'sum', 'count'];

/**
 * A capability the editor offers, keyed `component/name` (or `name` in the root interface); a field
 * of an Object telemetry or device property is offered as its `member`, keyed `…name.member`, with
 * the field's schema.
 */
export interface Choice extends Capability {
  key: string;
  kind: SchemaKind;
  member?: string;
}

export const keyOf = (component: string | undefined, name: string) => (component ? component + '/' + name : name);

/** The fields of an Object telemetry or property, each a choice of its own (a condition names it as `member`). */
function members(c: Capability): Choice[] {
  const schema = c.element.schema;
  if (typeof schema !== 'object' || !types(schema).includes('Object')) return [];
  return (schema.fields ?? []).map((f: any) => ({
    ...c, displayName: c.displayName + ' › ' + (text(f.displayName) || f.name),
    element: { ...c.element, schema: f.schema }, member: f.name, key: keyOf(c.component, c.name) + '.' + f.name, kind: schemaKind(f.schema),
  }));
}

/** The capabilities an item kind can name: telemetry and device properties (and the fields of Objects), or cloud properties. */
export function choices(model: any, kind: ItemKind): Choice[] {
  const of = (list: Capability[]) => list.map((c) => ({ ...c, key: keyOf(c.component, c.name), kind: schemaKind(c.element.schema) }));
  if (kind === 'absence') return of(capabilities(model, 'Telemetry'));
  if (kind === 'telemetry') return of(capabilities(model, 'Telemetry')).flatMap((c) => [c, ...members(c)]);
  if (kind === 'connectivity') return [];
  const properties = capabilities(model, 'Property');
  const named = of(properties.filter((p) => (propertyKind(p) === 'cloud') === (kind === 'cloudProperty')));
  return kind === 'property' ? named.flatMap((c) => [c, ...members(c)]) : named;
}

/** The values of an enum schema, as its choices. */
export function enumValues(schema: any): { value: string | number; label: string }[] {
  return (schema?.enumValues ?? []).map((v: any) => ({ value: v.enumValue, label: text(v.displayName) || v.name }));
}

/** One condition as the form holds it. `value` is as typed; `compareTo` a cloud property ('' for a constant). */
export interface DraftItem {
  kind: ItemKind;
  capability: string;
  operator: string;
  value: string;
  compareTo: string;
  aggregation: Aggregation;
  connectivity: 'connected' | 'disconnected';
  minutes: number;
}

export const NEW_ITEM: DraftItem = {
  kind: 'telemetry', capability: '', operator: '>', value: '', compareTo: '', aggregation: 'avg', connectivity: 'disconnected', minutes: 10,
};

/** A condition of a stored rule, as the form shows it. */
export function draftOf(item: ConditionItem): DraftItem {
  const d: DraftItem = { ...NEW_ITEM };
  const any = item as any;
  const kind = (ITEM_KINDS.map((k) => k.value) as ItemKind[]).find((k) => any[k] !== undefined) ?? 'telemetry';
  d.kind = kind;
  if (kind === 'connectivity') return { ...d, connectivity: any.connectivity };
  d.capability = keyOf(any.component, any[kind]) + (any.member ? '.' + any.member : '');
  if (kind === 'absence') return { ...d, minutes: Math.round(durationSeconds(any.duration) / 60) };
  return {
    ...d, operator: any.operator ?? '>', value: any.value === undefined ? '' : String(any.value),
    compareTo: any.compareTo?.cloudProperty ?? '', aggregation: any.aggregation ?? d.aggregation,
  };
}

/** The form's condition as the rule's JSON; throws an Error naming the problem when the value does not fit. */
export function itemOf(d: DraftItem, choice: Choice | undefined, aggregated: boolean): ConditionItem {
  if (d.kind === 'connectivity') return { connectivity: d.connectivity };
  if (!choice) throw new Error('choose a capability');
  const component = choice.component ? { component: choice.component } : {};
  if (d.kind === 'absence') return { absence: choice.name, ...component, duration: 'PT' + d.minutes + 'M' };
  const compare = d.compareTo ? { compareTo: { cloudProperty: d.compareTo } } : { value: valueOf(d, aggregated && d.aggregation === 'count' ? 'number' : choice.kind, choice.element.schema) };
  const base = { operator: d.operator, ...compare };
  const member = choice.member ? { member: choice.member } : {};
  if (d.kind === 'telemetry') return { telemetry: choice.name, ...member, ...component, ...(aggregated ? { aggregation: d.aggregation } : {}), ...base };
  if (d.kind === 'property') return { property: choice.name, ...member, ...component, ...base };
  return { cloudProperty: choice.name, ...base };
}

function valueOf(d: DraftItem, kind: SchemaKind, schema: any): number | string | boolean {
  const typed = d.value.trim();
  if (kind === 'boolean') return d.value === 'true';
  if (kind === 'string') return d.value;
  if (kind === 'enum') {
    const found = enumValues(schema).find((v) => String(v.value) === d.value);
    if (!found) throw new Error('choose one of the values');
    return found.value;
  }
  if (typed === '' || !Number.isFinite(Number(typed))) throw new Error('the value must be a number');
  return Number(typed);
}

/** The operators that fit an item: numbers for a count, else by the capability's schema. */
export function operatorsFor(d: DraftItem, choice: Choice | undefined, aggregated: boolean): string[] {
  if (d.kind === 'telemetry' && aggregated && d.aggregation === 'count') return OPERATORS.number;
  return choice ? OPERATORS[choice.kind] : [];
}

/** A condition in words, for lists and summaries. */
export function describe(item: ConditionItem): string {
  const any = item as any;
  if ('connectivity' in item) return 'device ' + item.connectivity;
  const name = keyOf(any.component, any.telemetry ?? any.property ?? any.cloudProperty ?? any.absence) + (any.member ? '.' + any.member : '');
  if ('absence' in item) return `no ${name} for ${Math.round(durationSeconds(item.duration) / 60)} min`;
  const what = any.aggregation ? `${any.aggregation}(${name})` : name;
  const against = any.compareTo ? 'cloud property ' + any.compareTo.cloudProperty : JSON.stringify(any.value);
  return `${what} ${any.operator} ${against}`;
}
