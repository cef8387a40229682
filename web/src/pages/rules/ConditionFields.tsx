import { AGGREGATIONS, Choice, choices, DraftItem, enumValues, ITEM_KINDS, ItemKind, NEW_ITEM, operatorsFor } from './conditions';

const val = (e: Event) => (e.target as HTMLInputElement).value;

/** The conditions of a rule: match all/any and one fieldset per item, each with the server's problem next to it. */
export function ConditionFields({ model, items, match, aggregated, problems, onChange }: {
  model: any | null;
  items: DraftItem[];
  match: 'all' | 'any';
  aggregated: boolean;
  problems: Record<number, string>;
  onChange: (items: DraftItem[], match: 'all' | 'any') => void;
}) {
  const set = (i: number, d: DraftItem) => onChange(items.map((x, j) => (j === i ? d : x)), match);
  return (
    <fieldset class="rule-section">
      <legend>Conditions</legend>
      <div class="field"><label for="rule-match">Fire when</label>
        <select id="rule-match" value={match} onChange={(e) => onChange(items, val(e) as 'all' | 'any')}>
          <option value="all">all conditions hold</option><option value="any">any condition holds</option>
        </select></div>
      {!model && <p class="muted">Choose a published template to build conditions from its capabilities.</p>}
      {items.map((d, i) => (
        <ConditionRow key={i} index={i} model={model} draft={d} aggregated={aggregated} problem={problems[i]}
          onChange={(next) => set(i, next)} onRemove={items.length > 1 ? () => onChange(items.filter((_, j) => j !== i), match) : undefined} />
      ))}
      {items.length < 10 && (
        <button type="button" class="secondary" onClick={() => onChange([...items, { ...NEW_ITEM, kind: 'telemetry' }], match)}>+ Add condition</button>
      )}
    </fieldset>
  );
}

function ConditionRow({ index, model, draft: d, aggregated, problem, onChange, onRemove }: {
  index: number; model: any | null; draft: DraftItem; aggregated: boolean; problem?: string;
  onChange: (d: DraftItem) => void; onRemove?: () => void;
}) {
  const id = 'cond-' + index;
  const kinds = aggregated ? ITEM_KINDS.filter((k) => k.value === 'telemetry') : ITEM_KINDS;
  const list = choices(model, d.kind);
  const choice = list.find((c) => c.key === d.capability);
  // An absence or a count may name any telemetry; a comparison only what it can compare.
  const offered = d.kind === 'absence' || (aggregated && d.aggregation === 'count') ? list : list.filter((c) => c.kind !== 'other');
  const operators = operatorsFor(d, choice, aggregated);
  const pick = (key: string) => {
    const next = list.find((c) => c.key === key);
    const ops = operatorsFor(d, next, aggregated);
    onChange({ ...d, capability: key, operator: ops.includes(d.operator) ? d.operator : ops[0] ?? '', value: '' });
  };
  return (
    <fieldset class={'rule-item' + (problem ? ' invalid' : '')} aria-describedby={problem ? id + '-problem' : undefined}>
      <legend>Condition {index + 1}</legend>
      <div class="form-row">
        <div class="field"><label for={id + '-kind'}>Kind</label>
          <select id={id + '-kind'} value={d.kind} onChange={(e) => onChange({ ...NEW_ITEM, kind: val(e) as ItemKind })}>
            {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select></div>
        {d.kind === 'connectivity' ? (
          <div class="field"><label for={id + '-state'}>State</label>
            <select id={id + '-state'} value={d.connectivity} onChange={(e) => onChange({ ...d, connectivity: val(e) as DraftItem['connectivity'] })}>
              <option value="disconnected">disconnected</option><option value="connected">connected</option>
            </select></div>
        ) : (
          <div class="field"><label for={id + '-capability'}>{d.kind === 'telemetry' || d.kind === 'absence' ? 'Telemetry' : 'Property'}</label>
            <select id={id + '-capability'} required value={d.capability} onChange={(e) => pick(val(e))}>
              <option value="">Choose one</option>
              {offered.map((c) => <option key={c.key} value={c.key}>{c.displayName} ({c.key})</option>)}
            </select></div>
        )}
        {d.kind === 'absence' && (
          <div class="field"><label for={id + '-minutes'}>Minutes</label>
            <input id={id + '-minutes'} type="number" min={1} required value={d.minutes} onInput={(e) => onChange({ ...d, minutes: Number(val(e)) })} /></div>
        )}
        {d.kind === 'telemetry' && aggregated && (
          <div class="field"><label for={id + '-aggregation'}>Aggregation</label>
            <select id={id + '-aggregation'} value={d.aggregation} onChange={(e) => onChange({ ...d, aggregation: val(e) as DraftItem['aggregation'] })}>
              {AGGREGATIONS.filter((a) => a === 'count' || !choice || choice.kind === 'number').map((a) => <option key={a} value={a}>{a}</option>)}
            </select></div>
        )}
        {(d.kind === 'telemetry' || d.kind === 'property' || d.kind === 'cloudProperty') && (
          <>
            <div class="field"><label for={id + '-operator'}>Operator</label>
              <select id={id + '-operator'} value={d.operator} onChange={(e) => onChange({ ...d, operator: val(e) })}>
                {operators.map((o) => <option key={o} value={o}>{o}</option>)}
              </select></div>
            <ValueField id={id} draft={d} choice={choice} count={aggregated && d.aggregation === 'count'} onChange={onChange} />
            <CompareTo id={id} model={model} draft={d} onChange={onChange} />
          </>
        )}
        {onRemove && <button type="button" class="secondary" onClick={onRemove} aria-label={`Remove condition ${index + 1}`}>Remove</button>}
      </div>
      {problem && <div class="banner error" role="alert" id={id + '-problem'}>{problem}</div>}
    </fieldset>
  );
}

/** The value of the right kind: a number, text, true/false, or one of an enum's values. */
function ValueField({ id, draft: d, choice, count, onChange }: {
  id: string; draft: DraftItem; choice?: Choice; count: boolean; onChange: (d: DraftItem) => void;
}) {
  if (d.compareTo) return null;
  const kind = count ? 'number' : choice?.kind ?? 'number';
  const label = <label for={id + '-value'}>Value</label>;
  const set = (e: Event) => onChange({ ...d, value: val(e) });
  if (kind === 'boolean' || kind === 'enum') {
    const options = kind === 'boolean' ? [{ value: 'true', label: 'true' }, { value: 'false', label: 'false' }] : enumValues(choice!.element.schema);
    return (
      <div class="field">{label}
        <select id={id + '-value'} required value={d.value} onChange={set}>
          <option value="">Choose</option>
          {options.map((o) => <option key={String(o.value)} value={String(o.value)}>{o.label}</option>)}
        </select></div>
    );
  }
  return (
    <div class="field">{label}
      {kind === 'number'
        ? <input id={id + '-value'} required type="number" step="any" value={d.value} onInput={set} />
        : <input id={id + '-value'} required type="text" value={d.value} onInput={set} />}</div>
  );
}

/** Compare with a cloud property of the device instead of a constant. */
function CompareTo({ id, model, draft: d, onChange }: { id: string; model: any | null; draft: DraftItem; onChange: (d: DraftItem) => void }) {
  const clouds = choices(model, 'cloudProperty');
  if (clouds.length === 0) return null;
  return (
    <div class="field"><label for={id + '-compare'}>Compare with</label>
      <select id={id + '-compare'} value={d.compareTo} onChange={(e) => onChange({ ...d, compareTo: val(e) })}>
        <option value="">the value</option>
        {clouds.map((c) => <option key={c.key} value={c.name}>cloud property {c.displayName}</option>)}
      </select></div>
  );
}
