import { DeviceTemplate } from '../../api';
import { BOOLEAN_FIELDS, emptyRow, FIELDS, Operator, OPERATORS, Row } from './groupApi';

const TEXT_ONLY: Operator[] = ['contains', 'startswith'];

/** Rows of (field, operator, value) joined by AND or OR; each change is handed up whole. */
export function FilterBuilder({ rows, join, templates, onChange }: {
  rows: Row[]; join: 'AND' | 'OR'; templates: DeviceTemplate[]; onChange: (rows: Row[], join: 'AND' | 'OR') => void;
}) {
  const update = (i: number, changes: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...changes } : r)), join);
  return (
    <fieldset class="filter-builder">
      <legend>Conditions</legend>
      {rows.length > 1 && (
        <div class="field inline">
          <label for="g-join">Devices must match</label>
          <select id="g-join" value={join} onChange={(e) => onChange(rows, e.currentTarget.value as 'AND' | 'OR')}>
            <option value="AND">all conditions (AND)</option>
            <option value="OR">any condition (OR)</option>
          </select>
        </div>
      )}
      {rows.map((row, i) => {
        const n = i + 1;
        const bool = BOOLEAN_FIELDS.includes(row.field);
        return (
          <div class="toolbar filter-row" key={i} data-testid="filter-row">
            <div class="field inline">
              <label for={`g-field-${n}`}>Field {n}</label>
              <select id={`g-field-${n}`} value={row.field} onChange={(e) => {
                const field = e.currentTarget.value as Row['field'];
                update(i, { field, operator: '=', value: BOOLEAN_FIELDS.includes(field) ? 'true' : '' });
              }}>
                {FIELDS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
              </select>
            </div>
            {row.field === 'property' && (
              <div class="field inline">
                <label for={`g-prop-${n}`}>Property {n}</label>
                <input id={`g-prop-${n}`} value={row.property} placeholder="firmwareVersion" onInput={(e) => update(i, { property: e.currentTarget.value })} />
              </div>
            )}
            <div class="field inline">
              <label for={`g-op-${n}`}>Operator {n}</label>
              <select id={`g-op-${n}`} value={row.operator} onChange={(e) => update(i, { operator: e.currentTarget.value as Operator })}>
                {OPERATORS.filter((o) => !bool || o.value === '=' || o.value === '!=').map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
            </div>
            <div class="field inline">
              <label for={`g-value-${n}`}>Value {n}</label>
              {bool ? (
                <select id={`g-value-${n}`} value={row.value} onChange={(e) => update(i, { value: e.currentTarget.value })}>
                  <option value="true">true</option>
                  <option value="false">false</option>
                </select>
              ) : row.field === '$template' && !TEXT_ONLY.includes(row.operator) && templates.length > 0 ? (
                <select id={`g-value-${n}`} value={row.value} onChange={(e) => update(i, { value: e.currentTarget.value })}>
                  <option value="">Choose a template</option>
                  {templates.map((t) => <option key={t['@id']} value={t['@id']}>{t.displayName} ({t['@id']})</option>)}
                </select>
              ) : (
                <input id={`g-value-${n}`} value={row.value} onInput={(e) => update(i, { value: e.currentTarget.value })} />
              )}
            </div>
            <button type="button" class="link danger-text" onClick={() => onChange(rows.filter((_, j) => j !== i), join)} aria-label={`Remove condition ${n}`}>Remove</button>
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={() => onChange([...rows, emptyRow()], join)}>+ Add condition</button>
    </fieldset>
  );
}
