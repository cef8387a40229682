import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, Collection, DeviceTemplate, ErrorDetail, get } from '../api';
import { linkClick, navigate } from '../router';
import { useSession } from '../session';
import { Badge, Confirm, ErrorBanner, Spinner, toast, toastError } from '../ui/components';
import { pointerLines } from './jsonLocate';

const tplPath = (id: string) => '/deviceTemplates/' + encodeURIComponent(id);
const text = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as any).en ?? Object.values(v)[0] ?? '') : '';
const types = (c: any): string[] => (Array.isArray(c?.['@type']) ? c['@type'] : c?.['@type'] ? [c['@type']] : []);
const isCloud = (c: any) => types(c).includes('Cloud');

/** The list of device templates, a page at a time, with import. */
export function Templates() {
  const session = useSession();
  const [items, setItems] = useState<DeviceTemplate[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [importing, setImporting] = useState(false);
  const load = async (link?: string) => {
    setError(null);
    if (link) setLoadingMore(true);
    try {
      const page = await get<Collection<DeviceTemplate>>(link ?? '/deviceTemplates?maxpagesize=50');
      setItems((prev) => (link && prev ? prev.concat(page.value) : page.value));
      setNext(page.nextLink);
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  };
  useEffect(() => {
    load();
  }, []);
  return (
    <section aria-labelledby="tpl-title">
      <div class="page-head">
        <h1 id="tpl-title">Device templates</h1>
        <div class="spacer" />
        {session.can('deviceTemplates.manage') && !importing && (
          <button type="button" class="primary" onClick={() => setImporting(true)}>+ Import template</button>
        )}
      </div>
      {importing && (
        <ImportTemplate
          onClose={(published) => {
            setImporting(false);
            if (published) navigate('/templates/' + encodeURIComponent(published));
          }}
        />
      )}
      <ErrorBanner error={error} onRetry={() => load()} />
      {!items && !error && <Spinner />}
      {items && items.length === 0 && !importing && (
        <div class="empty card"><p>No device templates yet. Import a DTDL model to publish the first one.</p></div>
      )}
      {items && items.length > 0 && (
        <table class="table" aria-label="Device templates">
          <thead><tr><th scope="col">Name</th><th scope="col">ID</th><th scope="col">Capabilities</th></tr></thead>
          <tbody>
            {items.map((t) => {
              const groups = capabilityGroups(t.capabilityModel);
              const count = groups.reduce((n, g) => n + g.items.length, 0);
              return (
                <tr key={t['@id']}>
                  <td><a href={'/templates/' + encodeURIComponent(t['@id'])} onClick={linkClick}>{t.displayName || t['@id']}</a></td>
                  <td class="mono small">{t['@id']}</td>
                  <td>{count} in {groups.length} component{groups.length === 1 ? '' : 's'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {next && (
        <div class="actions left">
          <button type="button" class="secondary" disabled={loadingMore} onClick={() => load(next)}>
            {loadingMore ? 'Loading…' : 'Load more templates'}
          </button>
        </div>
      )}
    </section>
  );
}

interface Envelope {
  id: string;
  body: any;
  /** Prefix to strip from error pointers to reach the pasted text (a bare interface was wrapped). */
  strip: string;
}

/** Accepts a full DeviceTemplate envelope or a bare DTDL interface (wrapped into the envelope). */
function toEnvelope(json: any, displayName: string): Envelope {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('The model must be a JSON object: a DTDL Interface or a device template.');
  if (json.capabilityModel) {
    const id = json['@id'] ?? json.capabilityModel['@id'];
    if (typeof id !== 'string') throw new Error('The template has no "@id". Give it a DTMI such as "dtmi:com:example:Thermostat;1".');
    const body = { '@type': ['ModelDefinition', 'DeviceModel'], ...json };
    if (displayName) body.displayName = displayName;
    if (!body.displayName) body.displayName = text(json.capabilityModel.displayName) || id;
    return { id, body, strip: '' };
  }
  const id = json['@id'];
  if (typeof id !== 'string') throw new Error('The interface has no "@id". Give it a DTMI such as "dtmi:com:example:Thermostat;1".');
  const body = {
    '@type': ['ModelDefinition', 'DeviceModel'],
    displayName: displayName || text(json.displayName) || id,
    capabilityModel: json,
  };
  return { id, body, strip: '/capabilityModel' };
}

interface Problem extends ErrorDetail {
  line?: number;
}

function ImportTemplate({ onClose }: { onClose: (published?: string) => void }) {
  const [source, setSource] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);

  const readFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      setSource(await file.text());
      setProblems([]);
      setError(null);
    } catch {
      setError('The file could not be read.');
    }
  };

  const goToLine = (line?: number) => {
    const t = area.current;
    if (!t || !line) return;
    const lines = source.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1]?.length ?? 0);
    t.focus();
    t.setSelectionRange(start, end);
    const lineHeight = t.scrollHeight / Math.max(lines.length, 1);
    t.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setProblems([]);
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (err) {
      const message = String((err as Error).message);
      const m = /position (\d+)/.exec(message);
      const l = /line (\d+)/.exec(message);
      const line = l ? Number(l[1]) : m ? source.slice(0, Number(m[1])).split('\n').length : undefined;
      setError('This is not valid JSON' + (line ? ` (line ${line})` : '') + ': ' + (err as Error).message);
      if (line) setProblems([{ code: 'JSON_SYNTAX', message: (err as Error).message, line }]);
      return;
    }
    let env: Envelope;
    try {
      env = toEnvelope(json, name.trim());
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setBusy(true);
    try {
      const saved = await api<DeviceTemplate>('PUT', tplPath(env.id), { body: env.body });
      toast(`Template ${saved.displayName} published.`);
      onClose(saved['@id']);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(`A different model is already published as ${env.id}. A published version cannot change — give the new version a new id (for example ${nextVersion(env.id)}).`);
      } else if (err instanceof ApiError && err.details.length) {
        const lines = pointerLines(source);
        setError(`The model has ${err.details.length} problem${err.details.length === 1 ? '' : 's'}. Fix ${err.details.length === 1 ? 'it' : 'them'} and publish again.`);
        setProblems(err.details.map((d) => {
          const local = d.pointer && env.strip && d.pointer.startsWith(env.strip) ? d.pointer.slice(env.strip.length) : d.pointer;
          return { ...d, pointer: local, line: local !== undefined ? nearestLine(lines, local) : undefined };
        }));
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const badLines = new Set(problems.map((p) => p.line).filter(Boolean));
  return (
    <form class="card" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">Import a device template</h2>
      <p class="muted small">Upload a DTDL v2 interface (.json) or paste it below. A bare interface is wrapped into a device template; a full template (with <code>capabilityModel</code>) is published as is.</p>
      <div class="form-row">
        <div class="field"><label for="tpl-file">DTDL file</label><input id="tpl-file" type="file" accept=".json,application/json" onChange={readFile} /></div>
        <div class="field"><label for="tpl-name">Template name</label><input id="tpl-name" value={name} placeholder="From the model's displayName" onInput={(e) => setName(e.currentTarget.value)} /></div>
      </div>
      <div class="field">
        <label for="tpl-json">Model JSON</label>
        <textarea id="tpl-json" ref={area} class="code-input" rows={14} spellcheck={false} value={source}
          aria-describedby={problems.length ? 'tpl-problems' : undefined} aria-invalid={problems.length ? true : undefined}
          onInput={(e) => { setSource(e.currentTarget.value); }} placeholder='{ "@id": "dtmi:com:example:Thermostat;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2", "contents": [ ... ] }' />
      </div>
      {error && <div class="banner error" role="alert">{error}</div>}
      {problems.length > 0 && (
        <>
          <ol id="tpl-problems" class="problems" aria-label="Model problems">
            {problems.map((p, i) => (
              <li key={i} data-testid="model-problem">
                <button type="button" class="link" onClick={() => goToLine(p.line)} title="Show in the model">
                  {p.line ? `Line ${p.line}` : 'Model'}{p.pointer !== undefined && p.pointer !== '' ? <> · <code>{p.pointer}</code></> : null}
                </button>{' '}
                <Badge kind="bad">{p.code ?? 'Error'}</Badge> {p.message}{p.document ? <span class="muted"> ({p.document})</span> : null}
              </li>
            ))}
          </ol>
          <pre class="json source-view" aria-label="Model with problems highlighted">
            {source.split('\n').map((l, i) => (
              <div key={i} class={badLines.has(i + 1) ? 'bad-line' : undefined} data-line={i + 1}>
                <span class="ln" aria-hidden="true">{i + 1}</span>{l || ' '}
              </div>
            ))}
          </pre>
        </>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onClose()}>Cancel</button>
        <button type="submit" class="primary" disabled={busy || !source.trim()}>{busy ? 'Publishing…' : 'Publish'}</button>
      </div>
    </form>
  );
}

function nextVersion(id: string): string {
  const m = /^(.*);(\d+)$/.exec(id);
  return m ? `${m[1]};${Number(m[2]) + 1}` : id + ';2';
}

/** The line of the pointer's value, or of its nearest ancestor that exists in the text. */
function nearestLine(lines: Map<string, number>, pointer: string): number | undefined {
  let p = pointer;
  for (;;) {
    const l = lines.get(p);
    if (l !== undefined) return l;
    if (!p) return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

interface Group { name: string; displayName: string; interfaceId?: string; items: any[] }

/** The capabilities of the model by component: the root interface first, then each Component. */
function capabilityGroups(model: any): Group[] {
  const contents: any[] = Array.isArray(model?.contents) ? model.contents : [];
  const root: Group = { name: '', displayName: 'Default component', interfaceId: model?.['@id'], items: [] };
  const groups: Group[] = [root];
  for (const c of contents) {
    if (types(c).includes('Component')) {
      const schema = c.schema;
      const resolved = typeof schema === 'string' ? (model?.schemas ?? []).find((s: any) => s?.['@id'] === schema) : schema;
      groups.push({ name: c.name, displayName: text(c.displayName) || c.name, interfaceId: typeof schema === 'string' ? schema : schema?.['@id'],
        items: (Array.isArray(resolved?.contents) ? resolved.contents : []).filter((x: any) => !isCloud(x)) });
    } else if (!isCloud(c)) {
      root.items.push(c);
    }
  }
  return groups;
}

function schemaText(s: any): string {
  if (s === undefined) return '—';
  if (typeof s === 'string') return s.startsWith('dtmi:') ? s : s;
  const t = types(s)[0];
  if (t === 'Enum') return `Enum<${s.valueSchema}> {${(s.enumValues ?? []).map((v: any) => v.name).join(', ')}}`;
  if (t === 'Object') return `Object {${(s.fields ?? []).map((f: any) => f.name + ': ' + schemaText(f.schema)).join(', ')}}`;
  if (t === 'Array') return `Array<${schemaText(s.elementSchema)}>`;
  if (t === 'Map') return `Map<${schemaText(s.mapKey?.schema)}, ${schemaText(s.mapValue?.schema)}>`;
  return t ?? 'schema';
}

function kindOf(c: any): string {
  const t = types(c);
  return ['Telemetry', 'Property', 'Command', 'Relationship'].find((k) => t.includes(k)) ?? t[0] ?? '?';
}

function CapabilityTable({ group }: { group: Group }) {
  if (!group.items.length) return <p class="muted">No capabilities.</p>;
  return (
    <table class="table" aria-label={'Capabilities of ' + group.displayName}>
      <thead><tr><th scope="col">Kind</th><th scope="col">Name</th><th scope="col">Display name</th><th scope="col">Schema</th><th scope="col">Details</th></tr></thead>
      <tbody>
        {group.items.map((c) => {
          const kind = kindOf(c);
          return (
            <tr key={c.name}>
              <td>{kind}{kind === 'Property' && c.writable && <> <Badge kind="info">writable</Badge></>}</td>
              <td class="mono">{c.name}</td>
              <td>{text(c.displayName) || '—'}</td>
              <td class="mono small">{kind === 'Command'
                ? <>request: {c.request ? `${c.request.name}: ${schemaText(c.request.schema)}` : '—'}<br />response: {c.response ? `${c.response.name}: ${schemaText(c.response.schema)}` : '—'}</>
                : schemaText(c.schema)}</td>
              <td class="small">{[c.unit && 'unit ' + c.unit, types(c).filter((t) => t !== kind).map((t) => 'semantic type ' + t).join(', '), text(c.description)].filter(Boolean).join(' · ') || '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const CLOUD_SCHEMAS = ['string', 'integer', 'double', 'boolean', 'date', 'dateTime'];

/** One template: envelope, capabilities by component, cloud properties (editable), delete. */
export function TemplatePage({ id }: { id: string }) {
  const session = useSession();
  const [tpl, setTpl] = useState<DeviceTemplate | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    get<DeviceTemplate>(tplPath(id)).then(setTpl, setError);
  };
  useEffect(load, [id]);
  const canManage = session.can('deviceTemplates.manage');

  const remove = async () => {
    setBusy(true);
    setDeleteError(null);
    try {
      await api('DELETE', tplPath(id));
      toast(`Template ${tpl?.displayName ?? id} deleted.`);
      setDeleting(false);
      navigate('/templates');
    } catch (e) {
      setDeleteError(e instanceof ApiError && e.status === 409
        ? 'Devices still use this template, so it cannot be deleted. Assign those devices another template or delete them first.'
        : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="tpl-page-title">
      <a class="back" href="/templates" onClick={linkClick}>← Device templates</a>
      <div class="page-head">
        <h1 id="tpl-page-title">{tpl ? tpl.displayName : 'Device template'}</h1>
        <div class="spacer" />
        {tpl && session.can('deviceTemplates.fullControl') && (
          <button type="button" class="danger" onClick={() => { setDeleteError(null); setDeleting(true); }}>Delete template</button>
        )}
      </div>
      <ErrorBanner error={error} onRetry={load} />
      {!tpl && !error && <Spinner />}
      {tpl && (
        <>
          <Envelope tpl={tpl} canManage={canManage} onSaved={setTpl} />
          {capabilityGroups(tpl.capabilityModel).map((g) => (
            <div class="card" key={g.name || '$default'}>
              <h2>{g.displayName}{g.name && <span class="muted small"> ({g.name})</span>}</h2>
              {g.interfaceId && <p class="muted small mono">{g.interfaceId}</p>}
              <CapabilityTable group={g} />
            </div>
          ))}
          <CloudProperties tpl={tpl} canManage={canManage} onSaved={setTpl} />
        </>
      )}
      <Confirm open={deleting} title="Delete template?" action="Delete" busy={busy} onConfirm={remove} onCancel={() => setDeleting(false)}
        body={<>
          <p>Delete {tpl?.displayName} (<span class="mono">{id}</span>)? Templates in use by devices cannot be deleted.</p>
          {deleteError && <div class="banner error" role="alert">{deleteError}</div>}
        </>} />
    </section>
  );
}

function Envelope({ tpl, canManage, onSaved }: { tpl: DeviceTemplate; canManage: boolean; onSaved: (t: DeviceTemplate) => void }) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(tpl.displayName);
  const [description, setDescription] = useState(tpl.description ?? '');
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const saved = await api<DeviceTemplate>('PATCH', tplPath(tpl['@id']), { body: { displayName: name.trim(), description: description.trim() } });
      onSaved(saved);
      toast('Template details saved.');
      setEditing(false);
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card">
      {!editing ? (
        <>
          <dl class="facts">
            <dt>ID</dt><dd class="mono">{tpl['@id']}</dd>
            <dt>Model</dt><dd class="mono">{tpl.capabilityModel?.['@id'] ?? '—'}</dd>
            <dt>Description</dt><dd>{tpl.description || text(tpl.capabilityModel?.description) || '—'}</dd>
            <dt>Status</dt><dd><Badge kind="ok">Published</Badge></dd>
          </dl>
          {canManage && <button type="button" class="secondary" onClick={() => setEditing(true)}>Edit name and description</button>}
        </>
      ) : (
        <form onSubmit={save}>
          <div class="field"><label for="tpl-edit-name">Template name</label><input id="tpl-edit-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
          <div class="field"><label for="tpl-edit-desc">Description</label><input id="tpl-edit-desc" value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></div>
          <div class="actions left"><button type="submit" class="primary" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button><button type="button" class="secondary" onClick={() => setEditing(false)}>Cancel</button></div>
        </form>
      )}
    </div>
  );
}

function CloudProperties({ tpl, canManage, onSaved }: { tpl: DeviceTemplate; canManage: boolean; onSaved: (t: DeviceTemplate) => void }) {
  const contents: any[] = Array.isArray(tpl.capabilityModel?.contents) ? tpl.capabilityModel.contents : [];
  const cloud = contents.filter(isCloud);
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [schema, setSchema] = useState('string');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const patch = async (nextContents: any[], done: string) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await api<DeviceTemplate>('PATCH', tplPath(tpl['@id']), { body: { capabilityModel: { ...tpl.capabilityModel, contents: nextContents } } });
      onSaved(saved);
      toast(done);
      return true;
    } catch (err) {
      const details = err instanceof ApiError ? err.details.map((d) => `${d.code ?? ''} ${d.message ?? ''}`.trim()).join('; ') : '';
      setError((err instanceof Error ? err.message : String(err)) + (details ? ' ' + details : ''));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!/^[A-Za-z](?:[A-Za-z0-9_]*[A-Za-z0-9])?$/.test(n)) {
      setError('A name starts with a letter and holds only letters, digits and underscores (not at the end).');
      return;
    }
    if (contents.some((c) => c.name === n)) {
      setError(`The template already has a capability named ${n}.`);
      return;
    }
    const prop: any = { '@type': ['Property', 'Cloud'], name: n, schema };
    if (displayName.trim()) prop.displayName = displayName.trim();
    if (await patch([...contents, prop], `Cloud property ${n} added.`)) {
      setName('');
      setDisplayName('');
    }
  };
  return (
    <div class="card">
      <h2>Cloud properties</h2>
      <p class="muted small">Values the application stores about each device (not sent by the device).</p>
      {cloud.length === 0 ? <p class="muted">No cloud properties.</p> : (
        <table class="table" aria-label="Cloud properties">
          <thead><tr><th scope="col">Name</th><th scope="col">Display name</th><th scope="col">Schema</th>{canManage && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>
            {cloud.map((c) => (
              <tr key={c.name}>
                <td class="mono">{c.name}</td><td>{text(c.displayName) || '—'}</td><td class="mono small">{schemaText(c.schema)}</td>
                {canManage && <td><button type="button" class="link danger-text" disabled={busy} aria-label={'Remove cloud property ' + c.name}
                  onClick={() => patch(contents.filter((x) => x !== c), `Cloud property ${c.name} removed.`)}>Remove</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <div class="banner error" role="alert">{error}</div>}
      {canManage && (
        <form class="inline-form" onSubmit={add} aria-label="Add a cloud property">
          <div class="field"><label for="cp-name">Property name</label><input id="cp-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
          <div class="field"><label for="cp-display">Display name</label><input id="cp-display" value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} /></div>
          <div class="field"><label for="cp-schema">Schema</label>
            <select id="cp-schema" value={schema} onChange={(e) => setSchema(e.currentTarget.value)}>{CLOUD_SCHEMAS.map((s) => <option key={s} value={s}>{s}</option>)}</select></div>
          <button type="submit" class="secondary" disabled={busy}>{busy ? 'Saving…' : 'Add cloud property'}</button>
        </form>
      )}
    </div>
  );
}
