import { useState } from 'preact/hooks';
import { Config } from './destinationForms';
import { Customization } from './exportApi';
import { SecretField } from './SecretField';

type Customizations = Record<string, Customization>;
interface Entry { name: string; value: string; secret: boolean }

const entries = (c: unknown): Entry[] =>
  Object.entries((c ?? {}) as Customizations).map(([name, v]) => ({ name, value: v.value ?? '', secret: !!v.secret }));
const customizations = (list: Entry[]): Customizations =>
  Object.fromEntries(list.filter((e) => e.name.trim()).map((e) => [e.name.trim(), { value: e.value, ...(e.secret ? { secret: true } : {}) }]));

/**
 * A webhook@v1 destination: URL, query and header customizations (a secret one is answered masked;
 * saving the mask keeps it), a header authorization and a signing secret (write-only). An OAuth
 * authorization is kept as it is.
 */
export function WebhookForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  const auth = config.authorization as { type: string; value?: string } | undefined;
  const set = (changes: Config) => onChange({ ...config, ...changes });
  return (
    <>
      <div class="field"><label for="w-url">Callback URL</label>
        <input id="w-url" type="url" required value={(config.url as string) ?? ''} placeholder="https://example.com/ingest"
          onInput={(e) => set({ url: e.currentTarget.value })} /></div>
      <Pairs id="w-query" legend="Query customizations" initial={entries(config.queryCustomizations)}
        onChange={(list) => set({ queryCustomizations: customizations(list) })} />
      <Pairs id="w-header" legend="Header customizations" initial={entries(config.headerCustomizations)}
        onChange={(list) => set({ headerCustomizations: customizations(list) })} />
      {auth?.type === 'oauth' ? (
        <p class="muted">Authorization: OAuth client credentials (kept as it is; edit it through the API).</p>
      ) : (
        <div class="field"><label for="w-auth">Authorization header (optional)</label>
          <input id="w-auth" type="password" value={auth?.value ?? ''} placeholder="SharedAccessSignature sr=…"
            onInput={(e) => {
              const value = e.currentTarget.value;
              const next = { ...config };
              if (value) next.authorization = { type: 'header', value };
              else delete next.authorization;
              onChange(next);
            }} />
          <small>Sent as the Authorization header; answered masked once saved.</small></div>
      )}
      <SecretField id="w-signing" label="Signing secret (optional)" value={config.signingSecret}
        hint="16 to 256 characters; each request then carries X-OpenCentral-Signature: sha256=<HMAC of the body>."
        onChange={(signingSecret) => {
          const next = { ...config, signingSecret };
          if (signingSecret === undefined) delete next.signingSecret;
          onChange(next);
        }} />
    </>
  );
}

/** Name and value rows (kept here while a name is still empty); each change is handed up. */
function Pairs({ id, legend, initial, onChange }: { id: string; legend: string; initial: Entry[]; onChange: (list: Entry[]) => void }) {
  const [list, setList] = useState(initial);
  const change = (next: Entry[]) => {
    setList(next);
    onChange(next);
  };
  const update = (i: number, changes: Partial<Entry>) => change(list.map((e, j) => (j === i ? { ...e, ...changes } : e)));
  return (
    <fieldset class="filter-builder">
      <legend>{legend}</legend>
      {list.map((e, i) => (
        <div class="toolbar" key={i}>
          <div class="field inline"><label for={`${id}-name-${i}`}>{legend.split(' ')[0]} {i + 1} name</label>
            <input id={`${id}-name-${i}`} value={e.name} onInput={(ev) => update(i, { name: ev.currentTarget.value })} /></div>
          <div class="field inline"><label for={`${id}-value-${i}`}>{legend.split(' ')[0]} {i + 1} value</label>
            <input id={`${id}-value-${i}`} type={(e.secret ? 'password' : 'text') as 'text'} value={e.value} onInput={(ev) => update(i, { value: ev.currentTarget.value })} /></div>
          <div class="field check"><input id={`${id}-secret-${i}`} type="checkbox" checked={e.secret} onChange={(ev) => update(i, { secret: ev.currentTarget.checked })} /><label for={`${id}-secret-${i}`}>{legend.split(' ')[0]} {i + 1} secret</label></div>
          <button type="button" class="link danger-text" onClick={() => change(list.filter((_, j) => j !== i))} aria-label={`Remove ${legend.toLowerCase()} ${i + 1}`}>Remove</button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => change([...list, { name: '', value: '', secret: false }])}>+ Add</button>
    </fieldset>
  );
}
