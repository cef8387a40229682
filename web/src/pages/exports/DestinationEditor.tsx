import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { Badge, ErrorBanner, Spinner, toast } from '../../ui/components';
import { Config, configOf, DESTINATION_FORMS, destinationForm } from './destinationForms';
import { useSubmit } from '../useActions';
import { Destination, exportPath, saveDestination, statusKind } from './exportApi';

/** Creates (id "new") or edits a destination: its name, its type (when new) and its type's form. */
export function DestinationEditor({ id }: { id: string }) {
  const creating = id === 'new';
  const [destination, setDestination] = useState<Destination | null>(creating
    ? { id: '', displayName: '', type: 'webhook@v1', ...DESTINATION_FORMS['webhook@v1'].empty() } : null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    if (!creating) get<Destination>(exportPath('/destinations/' + encodeURIComponent(id))).then(setDestination, setLoadError);
  }, [id]);
  if (loadError) return <section><Back /><ErrorBanner error={loadError} /></section>;
  if (!destination) return <section><Back /><Spinner label="Loading destination…" /></section>;
  return <Editor key={destination.id} initial={destination} creating={creating} />;
}

function Back() {
  return <p><a href="/destinations" onClick={linkClick}>← Destinations</a></p>;
}

function Editor({ initial, creating }: { initial: Destination; creating: boolean }) {
  const session = useSession();
  const [id, setId] = useState(initial.id);
  const [name, setName] = useState(initial.displayName);
  const [type, setType] = useState(initial.type);
  const [config, setConfig] = useState<Config>(configOf(initial));
  const form = destinationForm(type);
  const canSave = session.can(creating ? 'dataExport.create' : 'dataExport.update') && !!form;
  const { busy, error, submit } = useSubmit(async () => {
    const saved = await saveDestination(id.trim(), { displayName: name, type, ...config } as Omit<Destination, 'id'>);
    toast(`Destination ${saved.displayName} saved.`);
    navigate('/destinations');
  });
  return (
    <section aria-labelledby="destination-title">
      <Back />
      <h1 id="destination-title">{creating ? 'New destination' : initial.displayName}</h1>
      {!creating && (
        <p><Badge kind={statusKind(initial.status)}>{initial.status ?? 'unknown'}</Badge>
          {(initial.errors ?? []).map((e, i) => <span key={i} class="small error-text"> {e.message}</span>)}</p>
      )}
      <form class="card" onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        {creating && (
          <div class="field"><label for="d-id">Destination ID</label>
            <input id="d-id" required pattern="[A-Za-z0-9_\-]{1,255}" value={id} onInput={(e) => setId(e.currentTarget.value)} autoFocus />
            <small>Letters, digits, '_' and '-'.</small></div>
        )}
        <div class="field"><label for="d-name">Name</label><input id="d-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field"><label for="d-type">Destination type</label>
          <select id="d-type" value={type} disabled={!creating} onChange={(e) => {
            const next = e.currentTarget.value;
            setType(next);
            setConfig(destinationForm(next)?.empty() ?? {});
          }}>
            {Object.entries(DESTINATION_FORMS).map(([t, f]) => <option key={t} value={t}>{f.label}</option>)}
            {!form && <option value={type}>{type}</option>}
          </select></div>
        {form ? <form.Form config={config} onChange={setConfig} /> : <p class="muted">This destination type has no form here.</p>}
        <div class="actions left">
          {canSave && <button class="primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save destination'}</button>}
          <a class="button secondary" href="/destinations" onClick={linkClick}>Cancel</a>
        </div>
      </form>
    </section>
  );
}
