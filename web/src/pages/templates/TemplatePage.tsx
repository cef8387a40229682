import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, DeviceTemplate, get, getTemplateModel } from '../../api';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { Badge, Confirm, ErrorBanner, Spinner, toast, toastError } from '../../ui/components';
import { ImportTemplate, nextVersionOf } from './ImportTemplate';
import { definitions, isCloud, text, tplPath, types } from './model';

interface Group { name: string; displayName: string; interfaceId?: string; items: any[] }

/**
 * The capabilities of a model by component: the root interface first, then each Component. Works
 * on the expanded model (GET …/model: every component schema inline, inherited contents included)
 * and on a stored capability model, where a component schema given by DTMI is looked up wherever
 * the model defines that interface.
 */
export function capabilityGroups(model: any): Group[] {
  const contents: any[] = Array.isArray(model?.contents) ? model.contents : [];
  const root: Group = { name: '', displayName: 'Default component', interfaceId: model?.['@id'], items: [] };
  const groups: Group[] = [root];
  let defined: Map<string, any> | undefined;
  for (const c of contents) {
    if (types(c).includes('Component')) {
      const schema = c.schema;
      const resolved = typeof schema === 'string' ? (defined ??= definitions(model)).get(schema) : schema;
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

/** Unit, semantic and IoT Central types, description: from a stored or an expanded model. */
function details(c: any, kind: string): string {
  const semantic = [...types(c).filter((t) => t !== kind), ...(c.semanticType ? [c.semanticType] : []), ...(c.otherTypes ?? []), ...(c.iotcTypes ?? [])];
  return [c.unit && 'unit ' + c.unit, semantic.length ? 'semantic type ' + semantic.join(', ') : '', text(c.description)].filter(Boolean).join(' · ');
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
              <td class="small">{details(c, kind) || '—'}</td>
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
  const [expanded, setExpanded] = useState<any>(null);
  const [error, setError] = useState<unknown>(null);
  const [versioning, setVersioning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    Promise.all([get<DeviceTemplate>(tplPath(id)), getTemplateModel(id)])
      .then(([t, m]) => { setTpl(t); setExpanded(m); }, setError);
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
        {tpl && canManage && !versioning && (
          <button type="button" class="secondary" onClick={() => setVersioning(true)}>Publish a new version</button>
        )}
        {tpl && session.can('deviceTemplates.fullControl') && (
          <button type="button" class="danger" onClick={() => { setDeleteError(null); setDeleting(true); }}>Delete template</button>
        )}
      </div>
      <ErrorBanner error={error} onRetry={load} />
      {!tpl && !error && <Spinner label="Loading template…" />}
      {tpl && versioning && (
        <ImportTemplate initial={nextVersionOf(tpl)} onClose={(published) => {
          setVersioning(false);
          if (published) navigate('/templates/' + encodeURIComponent(published));
        }} />
      )}
      {tpl && (
        <>
          <Envelope tpl={tpl} canManage={canManage} onSaved={setTpl} />
          {capabilityGroups(expanded).map((g) => (
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

