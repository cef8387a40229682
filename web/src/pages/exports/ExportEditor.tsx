import { useEffect, useState } from 'preact/hooks';
import { DeviceTemplate, get } from '../../api';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { Badge, ErrorBanner, Spinner, toast } from '../../ui/components';
import { FilterBuilder } from '../groups/FilterBuilder';
import { fromFilter, Row, toFilter } from '../groups/groupApi';
import { useList } from '../useList';
import { useSubmit } from '../useActions';
import { EnrichmentRows, toEnrichments, toRows } from './EnrichmentRows';
import { Destination, Export, exportPath, saveExport, SOURCES, statusKind } from './exportApi';
import { TransformPanel } from './TransformPanel';

const EVERY_DEVICE = 'SELECT * FROM devices';

/** Creates (id "new") or edits an export: source, filter, enrichments, destinations with their transforms. */
export function ExportEditor({ id }: { id: string }) {
  const creating = id === 'new';
  const [item, setItem] = useState<Export | null>(creating
    ? { id: '', displayName: '', enabled: true, source: 'telemetry', destinations: [] } : null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    if (!creating) get<Export>(exportPath('/exports/' + encodeURIComponent(id))).then(setItem, setLoadError);
  }, [id]);
  if (loadError) return <section><Back /><ErrorBanner error={loadError} /></section>;
  if (!item) return <section><Back /><Spinner label="Loading export…" /></section>;
  return <Editor key={item.id} initial={item} creating={creating} />;
}

function Back() {
  return <p><a href="/exports" onClick={linkClick}>← Exports</a></p>;
}

interface Target { id: string; transform: string; trying: boolean }

function Editor({ initial, creating }: { initial: Export; creating: boolean }) {
  const session = useSession();
  const parsed = fromFilter(initial.filter ?? EVERY_DEVICE);
  const [id, setId] = useState(initial.id);
  const [name, setName] = useState(initial.displayName);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [source, setSource] = useState<string>(initial.source);
  const [rows, setRows] = useState<Row[]>(parsed?.rows ?? []);
  const [join, setJoin] = useState<'AND' | 'OR'>(parsed?.join ?? 'AND');
  const [filter, setFilter] = useState(initial.filter ?? '');
  const [enrichments, setEnrichments] = useState(toRows(initial.enrichments));
  const [targets, setTargets] = useState<Target[]>(initial.destinations.map((d) => ({ id: d.id ?? '', transform: d.transform ?? '', trying: false })));
  const templates = useList<DeviceTemplate>(session.can('deviceTemplates.view') ? '/deviceTemplates?maxpagesize=100' : '');
  const destinations = useList<Destination>(exportPath('/destinations'));
  const canSave = session.can(creating ? 'dataExport.create' : 'dataExport.update');
  const build = (nextRows: Row[], nextJoin: 'AND' | 'OR') => {
    setRows(nextRows);
    setJoin(nextJoin);
    const text = toFilter(nextRows, nextJoin);
    setFilter(text === EVERY_DEVICE ? '' : text);
  };
  const { busy, error, submit } = useSubmit(async () => {
    const saved = await saveExport(id.trim(), {
      displayName: name, enabled, source: source as Export['source'], ...(filter.trim() ? { filter: filter.trim() } : {}),
      enrichments: toEnrichments(enrichments),
      destinations: targets.filter((t) => t.id).map((t) => ({ id: t.id, ...(t.transform.trim() ? { transform: t.transform } : {}) })),
    });
    toast(`Export ${saved.displayName} saved.`);
    navigate('/exports');
  });
  return (
    <section aria-labelledby="export-title">
      <Back />
      <h1 id="export-title">{creating ? 'New export' : initial.displayName}</h1>
      {!creating && (
        <div class="card" data-testid="export-health">
          <Badge kind={statusKind(initial.status)}>{initial.status ?? 'unknown'}</Badge>
          {(initial.errors ?? []).length > 0 && (
            <ul class="problems" aria-label="Export errors">{initial.errors!.map((e, i) => <li key={i}><strong>{e.code}</strong>: {e.message}</li>)}</ul>
          )}
        </div>
      )}
      <form class="card" onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        {creating && (
          <div class="field"><label for="x-id">Export ID</label>
            <input id="x-id" required pattern="[A-Za-z0-9_\-]{1,255}" value={id} onInput={(e) => setId(e.currentTarget.value)} autoFocus />
            <small>Letters, digits, '_' and '-'.</small></div>
        )}
        <div class="field"><label for="x-name">Name</label><input id="x-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field check"><input id="x-enabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} /><label for="x-enabled">Enabled</label></div>
        <div class="field"><label for="x-source">Source</label>
          <select id="x-source" value={source} onChange={(e) => setSource(e.currentTarget.value)}>
            {SOURCES.map((s) => <option key={s.value} value={s.value}>{s.label}</option>)}
          </select></div>
        <FilterBuilder rows={rows} join={join} templates={templates.items ?? []} onChange={build} />
        <div class="field"><label for="x-filter">Filter (export query, optional)</label>
          <textarea id="x-filter" class="mono" rows={2} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
          <small>The conditions above write this query; "Property" names a telemetry value or a property of the message.</small></div>
        <EnrichmentRows rows={enrichments} onChange={setEnrichments} />
        <DestinationTargets targets={targets} source={source} destinations={destinations.items ?? []} onChange={setTargets} />
        <div class="actions left">
          {canSave && <button class="primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save export'}</button>}
          <a class="button secondary" href="/exports" onClick={linkClick}>Cancel</a>
        </div>
      </form>
    </section>
  );
}

/** The destinations the export sends to, each with its transform and a "try it" panel. */
function DestinationTargets({ targets, source, destinations, onChange }: {
  targets: Target[]; source: string; destinations: Destination[]; onChange: (targets: Target[]) => void;
}) {
  const updateTarget = (i: number, changes: Partial<Target>) => onChange(targets.map((t, j) => (j === i ? { ...t, ...changes } : t)));
  return (
    <fieldset class="filter-builder">
      <legend>Destinations</legend>
      {targets.map((t, i) => {
        const n = i + 1;
        return (
          <div key={i} data-testid="export-destination">
            <div class="toolbar">
              <div class="field inline"><label for={`x-dest-${n}`}>Destination {n}</label>
                <select id={`x-dest-${n}`} value={t.id} onChange={(e) => updateTarget(i, { id: e.currentTarget.value })}>
                  <option value="">Choose a destination</option>
                  {destinations.map((d) => <option key={d.id} value={d.id}>{d.displayName}</option>)}
                </select></div>
              <button type="button" class="secondary" onClick={() => updateTarget(i, { trying: !t.trying })}>{t.trying ? 'Hide try it' : `Try transform ${n}`}</button>
              <button type="button" class="link danger-text" onClick={() => onChange(targets.filter((_, j) => j !== i))} aria-label={`Remove destination ${n}`}>Remove</button>
            </div>
            <div class="field"><label for={`x-transform-${n}`}>Transform {n} (jq, optional)</label>
              <textarea id={`x-transform-${n}`} class="code-input" rows={4} value={t.transform} placeholder={'import "iotc" as iotc;\n{ deviceId: .device.id, temperature: (.telemetry | iotc::find(.name == "temperature").value) }'}
                onInput={(e) => updateTarget(i, { transform: e.currentTarget.value })} /></div>
            {t.trying && <TransformPanel n={n} source={source} transform={t.transform} />}
          </div>
        );
      })}
      <button type="button" class="secondary" onClick={() => onChange([...targets, { id: '', transform: '', trying: false }])}>+ Add destination</button>
    </fieldset>
  );
}
