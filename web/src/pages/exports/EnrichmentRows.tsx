import { Enrichment } from './exportApi';

const SYSTEM = ['$displayName', '$enabled', '$simulated', '$provisioned', '$templateDisplayName', '$organizations'];

/** One enrichment as the editor shows it: a custom value, a system property, or a device property. */
export interface EnrichmentRow { name: string; kind: 'value' | 'system' | 'property'; value: string; target: string }

export function toRows(enrichments?: Record<string, Enrichment>): EnrichmentRow[] {
  return Object.entries(enrichments ?? {}).map(([name, e]) => e.target
    ? { name, kind: 'property', value: e.path ?? '', target: e.target }
    : e.path ? { name, kind: 'system', value: e.path, target: '' }
      : { name, kind: 'value', value: typeof e.value === 'string' ? e.value : JSON.stringify(e.value ?? ''), target: '' });
}

export function toEnrichments(rows: EnrichmentRow[]): Record<string, Enrichment> {
  return Object.fromEntries(rows.filter((r) => r.name.trim()).map((r) => [r.name.trim(),
    r.kind === 'value' ? { value: r.value } : r.kind === 'system' ? { path: r.value } : { target: r.target, path: r.value }]));
}

/** The export's enrichments, added to every message under `enrichments`. */
export function EnrichmentRows({ rows, onChange }: { rows: EnrichmentRow[]; onChange: (rows: EnrichmentRow[]) => void }) {
  const update = (i: number, changes: Partial<EnrichmentRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...changes } : r)));
  return (
    <fieldset class="filter-builder">
      <legend>Enrichments</legend>
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <div class="toolbar" key={i}>
            <div class="field inline"><label for={`en-name-${n}`}>Enrichment {n} name</label>
              <input id={`en-name-${n}`} value={r.name} onInput={(e) => update(i, { name: e.currentTarget.value })} /></div>
            <div class="field inline"><label for={`en-kind-${n}`}>Kind {n}</label>
              <select id={`en-kind-${n}`} value={r.kind} onChange={(e) => update(i, {
                kind: e.currentTarget.value as EnrichmentRow['kind'], value: e.currentTarget.value === 'system' ? SYSTEM[0] : '',
              })}>
                <option value="value">Custom value</option>
                <option value="system">System property</option>
                <option value="property">Device property</option>
              </select></div>
            {r.kind === 'property' && (
              <div class="field inline"><label for={`en-target-${n}`}>Template or interface {n}</label>
                <input id={`en-target-${n}`} class="mono" value={r.target} placeholder="dtmi:…;1" onInput={(e) => update(i, { target: e.currentTarget.value })} /></div>
            )}
            <div class="field inline"><label for={`en-value-${n}`}>{r.kind === 'value' ? 'Value' : r.kind === 'system' ? 'Property' : 'Property name'} {n}</label>
              {r.kind === 'system' ? (
                <select id={`en-value-${n}`} value={r.value} onChange={(e) => update(i, { value: e.currentTarget.value })}>
                  {SYSTEM.map((p) => <option key={p} value={p}>{p}</option>)}
                </select>
              ) : <input id={`en-value-${n}`} value={r.value} onInput={(e) => update(i, { value: e.currentTarget.value })} />}
            </div>
            <button type="button" class="link danger-text" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={`Remove enrichment ${n}`}>Remove</button>
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={() => onChange([...rows, { name: '', kind: 'value', value: '', target: '' }])}>+ Add enrichment</button>
    </fieldset>
  );
}
