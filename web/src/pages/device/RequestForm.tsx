import { text, types } from '../templates/model';

/**
 * Inputs generated from a DTDL command request schema: one per primitive or enum value (an Object's
 * fields each get one); anything else (arrays, maps, nested objects) is typed as JSON.
 */
export interface RequestField {
  /** Member of an Object request; '' for a request that is a single value. */
  key: string;
  label: string;
  schema: any;
}

export const NUMBERS = ['integer', 'long', 'double', 'float'];
const SIMPLE = [...NUMBERS, 'boolean', 'string', 'date', 'dateTime', 'time', 'duration'];

function simple(schema: any) {
  return (typeof schema === 'string' && SIMPLE.includes(schema)) || types(schema).includes('Enum');
}

/** The inputs of a request; null when the request must be typed as JSON. */
export function requestFields(request: any): RequestField[] | null {
  if (!request) return [];
  const label = text(request.displayName) || request.name;
  if (simple(request.schema)) return [{ key: '', label, schema: request.schema }];
  if (types(request.schema).includes('Object') && (request.schema.fields ?? []).every((f: any) => simple(f.schema))) {
    return request.schema.fields.map((f: any) => ({ key: f.name, label: text(f.displayName) || f.name, schema: f.schema }));
  }
  return null;
}

/** One typed value from its input, or an error a person can act on. */
export function convert(field: RequestField, raw: string | boolean): { value?: unknown; error?: string } {
  const s = field.schema;
  if (s === 'boolean') return { value: raw === true };
  const t = String(raw).trim();
  if (t === '') return { error: `Enter a value for ${field.label}.` };
  if (types(s).includes('Enum')) {
    const v = (s.enumValues ?? []).find((e: any) => String(e.enumValue) === t);
    return v ? { value: v.enumValue } : { error: `Choose a value for ${field.label}.` };
  }
  if (NUMBERS.includes(s)) {
    const n = Number(t);
    if (!Number.isFinite(n)) return { error: `${field.label} must be a number.` };
    if ((s === 'integer' || s === 'long') && !Number.isInteger(n)) return { error: `${field.label} must be a whole number.` };
    return { value: n };
  }
  return { value: t };
}

/** Form values: a field's value as its input holds it (boolean for a checkbox, else text). */
export type FormValues = Record<string, string | boolean>;

const initial = (f: RequestField) => (f.schema === 'boolean' ? false : '');

/**
 * The value the inputs make (`{}` for a request without one), or the JSON text's when there are no
 * inputs (`{}` when it is empty); a string is an error a person can act on.
 */
export function requestValue(fields: RequestField[] | null, values: FormValues, json: string): { value?: unknown } | string {
  if (fields) {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const c = convert(f, values[f.key] ?? initial(f));
      if (c.error) return c.error;
      if (!f.key) return { value: c.value };
      out[f.key] = c.value;
    }
    return fields.length ? { value: out } : {};
  }
  if (!json.trim()) return {};
  try {
    return { value: JSON.parse(json) };
  } catch (err) {
    return 'The value is not valid JSON: ' + (err as Error).message + '. Strings need double quotes, e.g. "hello".';
  }
}

/** The form values that make `value` again (to prefill a form): an Object's members by name, else the one value. */
export function formValues(value: unknown): FormValues {
  const one = (v: unknown) => (typeof v === 'boolean' ? v : v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, one(v)]));
  }
  return value === undefined ? {} : { '': one(value) };
}

/** One input per field, ids `{idPrefix}{member}` (`{idPrefix}value` for a single value). */
export function RequestInputs({ idPrefix, fields, values, onChange }: { idPrefix: string; fields: RequestField[]; values: FormValues; onChange: (v: FormValues) => void }) {
  return (
    <>
      {fields.map((f) => <FieldInput key={f.key} id={idPrefix + (f.key || 'value')} field={f} value={values[f.key] ?? initial(f)}
        onChange={(v) => onChange({ ...values, [f.key]: v })} />)}
    </>
  );
}

function inputType(schema: any) {
  if (NUMBERS.includes(schema)) return 'number';
  if (schema === 'date') return 'date';
  return 'text';
}

const HINTS: Record<string, string> = {
  dateTime: 'ISO 8601, e.g. 2026-01-31T12:00:00Z', time: 'e.g. 13:45:00', duration: 'ISO 8601, e.g. PT5M',
};

export function FieldInput({ id, field, value, onChange }: { id: string; field: RequestField; value: string | boolean; onChange: (v: string | boolean) => void }) {
  const s = field.schema;
  if (s === 'boolean') {
    return (
      <div class="field check">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />
        <label for={id}>{field.label}</label>
      </div>
    );
  }
  const hint = typeof s === 'string' ? HINTS[s] : undefined;
  return (
    <div class="field">
      <label for={id}>{field.label} <span class="muted small">({types(s).includes('Enum') ? 'enum' : s})</span></label>
      {types(s).includes('Enum') ? (
        <select id={id} value={String(value)} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">Choose…</option>
          {(s.enumValues ?? []).map((v: any) => <option key={v.name} value={String(v.enumValue)}>{text(v.displayName) || v.name}</option>)}
        </select>
      ) : (
        <input id={id} type={inputType(s) as 'text'} step={s === 'double' || s === 'float' ? 'any' : undefined} value={String(value)}
          aria-describedby={hint ? id + '-hint' : undefined} onInput={(e) => onChange(e.currentTarget.value)} />
      )}
      {hint && <small id={id + '-hint'}>{hint}</small>}
    </div>
  );
}
