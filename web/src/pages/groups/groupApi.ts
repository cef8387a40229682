// Device groups (/api/deviceGroups) and the filter builder's model: rows of
// (field, operator, value) joined by AND or OR, written as IoT Central's device query.
import { api, Device, get } from '../../api';

export interface DeviceGroup {
  id: string;
  displayName: string;
  filter: string;
  description?: string;
  etag?: string;
  organizations?: string[];
}

/** GET /api/deviceGroupPreview (an OpenCentral extension): what an unsaved filter matches now. */
export interface GroupPreview {
  count: number;
  value: Device[];
}

export function previewGroup(filter: string, signal?: AbortSignal) {
  return get<GroupPreview>('/deviceGroupPreview?filter=' + encodeURIComponent(filter), signal);
}

export function saveGroup(id: string, group: Omit<DeviceGroup, 'id'>, etag?: string) {
  return api<DeviceGroup>('PUT', '/deviceGroups/' + encodeURIComponent(id), { body: { ...group, ...(etag ? { etag } : {}) } });
}

export const FIELDS = [
  { value: '$template', label: 'Template' },
  { value: '$displayName', label: 'Device name' },
  { value: '$id', label: 'Device ID' },
  { value: '$simulated', label: 'Simulated' },
  { value: '$enabled', label: 'Enabled' },
  { value: '$provisioned', label: 'Provisioned' },
  { value: 'property', label: 'Property' },
] as const;

export const OPERATORS = [
  { value: '=', label: 'equals' },
  { value: '!=', label: 'does not equal' },
  { value: '>', label: 'greater than' },
  { value: '>=', label: 'at least' },
  { value: '<', label: 'less than' },
  { value: '<=', label: 'at most' },
  { value: 'contains', label: 'contains' },
  { value: 'startswith', label: 'starts with' },
] as const;

export type Field = (typeof FIELDS)[number]['value'];
export type Operator = (typeof OPERATORS)[number]['value'];

export interface Row {
  field: Field;
  /** The property's name (dotted for a component's property or an object member) when field is 'property'. */
  property: string;
  operator: Operator;
  value: string;
}

export const BOOLEAN_FIELDS: Field[] = ['$simulated', '$enabled', '$provisioned'];

export function emptyRow(): Row {
  return { field: '$template', property: '', operator: '=', value: '' };
}

function quoted(text: string): string {
  return '"' + text.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

/** A property value as a literal: numbers and true/false/null as written, anything else as a string. */
function literal(row: Row): string {
  const v = row.value.trim();
  if (BOOLEAN_FIELDS.includes(row.field)) return v === 'false' ? 'false' : 'true';
  if (row.field === 'property' && /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|true|false|null)$/.test(v)) return v;
  return quoted(row.value);
}

function condition(row: Row): string {
  const name = row.field === 'property' ? row.property.trim() : row.field;
  if (row.operator === 'contains' || row.operator === 'startswith') return `${row.operator}(${name}, ${quoted(row.value)})`;
  return `${name} ${row.operator} ${literal(row)}`;
}

/** Whether a row is filled in: a property row needs a name, and every row but a true/false one a value. */
function complete(row: Row): boolean {
  if (row.field === 'property' && row.property.trim() === '') return false;
  return BOOLEAN_FIELDS.includes(row.field) || row.value !== '';
}

/** The rows as a device query; rows not filled in yet are left out. */
export function toFilter(rows: Row[], join: 'AND' | 'OR'): string {
  const parts = rows.filter(complete).map(condition);
  return 'SELECT * FROM devices' + (parts.length ? ' WHERE ' + parts.join(` ${join} `) : '');
}

const ROW = /^(contains|startswith)\((\$?[A-Za-z0-9_.]+), "((?:[^"\\]|\\.)*)"\)$|^(\$?[A-Za-z0-9_.]+) (=|!=|>=|<=|>|<) (.+)$/;

/** Reads back a filter the builder wrote; null when it has another shape (then only the text is edited). */
export function fromFilter(filter: string): { rows: Row[]; join: 'AND' | 'OR' } | null {
  const m = /^SELECT \* FROM devices(?: WHERE (.*))?$/s.exec(filter.trim());
  if (!m) return null;
  if (!m[1]) return { rows: [], join: 'AND' };
  const join: 'AND' | 'OR' = / OR /.test(m[1]) && !/ AND /.test(m[1]) ? 'OR' : 'AND';
  const rows: Row[] = [];
  for (const part of m[1].split(` ${join} `)) {
    const r = ROW.exec(part);
    if (!r) return null;
    const name = r[2] ?? r[4];
    const field = (FIELDS.some((f) => f.value === name) ? name : 'property') as Field;
    const raw = r[3] ?? r[6];
    const value = r[3] !== undefined ? unquote('"' + raw + '"') : raw.startsWith('"') ? unquote(raw) : raw;
    if (value === null) return null;
    rows.push({ field, property: field === 'property' ? name : '', operator: (r[1] ?? r[5]) as Operator, value });
  }
  return { rows, join };
}

function unquote(text: string): string | null {
  try {
    return JSON.parse(text) as string;
  } catch {
    return null;
  }
}
