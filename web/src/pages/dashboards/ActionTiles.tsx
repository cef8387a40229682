// Tiles that act on devices through the same REST calls as the device page: a property tile whose
// writable and cloud properties are edited in place, and a command tile that runs its device's
// command with the request form the device page generates. And the image tile.
import { useEffect, useState } from 'preact/hooks';
import { CommandResult, Device, get, getTemplateModel } from '../../api';
import { useSession } from '../../session';
import { Badge, ErrorBanner, JsonView, toast, toastError } from '../../ui/components';
import { runCommand } from '../device/CommandsTab';
import { capabilities } from '../device/model';
import { patchProperty } from '../device/PropertiesTab';
import { convert, FieldInput, FormValues, RequestInputs, requestFields, requestValue } from '../device/RequestForm';
import { useGroupCapabilities } from './capabilities';
import type { Tile } from './dashboardApi';

interface PropertyValue { capability: string; device: string; value?: unknown }

function split(path: string): [string, string] {
  const slash = path.indexOf('/');
  return slash < 0 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
}

/** A value as an input holds it; '' for none. */
function shown(value: unknown): string | boolean {
  if (value === undefined || value === null) return '';
  return typeof value === 'boolean' ? value : typeof value === 'string' ? value : JSON.stringify(value);
}

/** One property value; a writable or cloud one is an input with a Set button for those who may update devices. */
function PropertyRow({ tile, value, schema, writable }: { tile: Tile; value: PropertyValue; schema: unknown; writable: boolean }) {
  const [edited, setEdited] = useState<string | boolean>(shown(value.value));
  const [busy, setBusy] = useState(false);
  useEffect(() => setEdited(shown(value.value)), [JSON.stringify(value.value)]);
  const label = `${value.capability} of ${value.device}`;
  if (!writable || typeof schema !== 'string' && !(schema as any)?.enumValues) {
    return <li><span class="lkv-value">{value.value === undefined ? '—' : String(shown(value.value))}</span> <span class="muted">{label}</span></li>;
  }
  const field = { key: '', label, schema };
  const set = async (e: Event) => {
    e.preventDefault();
    const typed = convert(field, edited);
    if (typed.error) { toastError(new Error(typed.error)); return; }
    setBusy(true);
    const [component, name] = split(value.capability);
    try {
      await patchProperty(value.device, component, name, schema, typed.value);
      toast(`Sent ${value.capability} to ${value.device}.`);
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      <form class="tile-property" onSubmit={set}>
        <FieldInput id={`${tile.id}-${value.device}-${value.capability}`} field={field} value={edited} onChange={setEdited} />
        <button type="submit" disabled={busy}>Set</button>
      </form>
    </li>
  );
}

/** A property tile: each device's value; writable and cloud properties editable by those who may update devices. */
export function PropertyTile({ tile, values }: { tile: Tile; values: PropertyValue[] }) {
  const session = useSession();
  const config = tile.configuration as any;
  const offered = useGroupCapabilities(config.group);
  const canUpdate = session.can('devices.update');
  if (!values.length) return <p class="muted">No values yet.</p>;
  return (
    <ul class="lkv">
      {values.map((v) => {
        const o = offered.find((c) => c.kind === 'Property' && c.path === v.capability);
        return <PropertyRow key={v.device + v.capability} tile={tile} value={v} schema={o?.schema} writable={canUpdate && !!o?.writable} />;
      })}
    </ul>
  );
}

/** The command of the tile's device, from its template's model; null while loading, undefined when there is none. */
function useCommand(deviceId: string, path: string) {
  const [command, setCommand] = useState<any | null | undefined>(null);
  useEffect(() => {
    setCommand(null);
    const abort = new AbortController();
    const [component, name] = split(path);
    get<Device>('/devices/' + encodeURIComponent(deviceId), abort.signal)
      .then((d) => (d.template ? getTemplateModel(d.template, abort.signal) : null))
      .then((model) => setCommand(capabilities(model, 'Command').find((c) => c.name === name && c.component === component)),
        (e) => { if ((e as Error).name !== 'AbortError') setCommand(undefined); });
    return () => abort.abort();
  }, [deviceId, path]);
  return command;
}

/** A command tile: the request form of its device's command, a Run button and the device's answer. */
export function CommandTile({ tile }: { tile: Tile }) {
  const config = tile.configuration as any;
  const session = useSession();
  const command = useCommand(config.device, config.command);
  const [values, setValues] = useState<FormValues>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<CommandResult | null>(null);
  if (command === null) return <p class="muted">Loading…</p>;
  if (!command) return <p class="muted">{config.device}'s template has no command {config.command}.</p>;
  const fields = requestFields(command.element.request);
  const run = async (e: Event) => {
    e.preventDefault();
    const p = requestValue(fields, values, '{}');
    if (typeof p === 'string') { setError(new Error(p)); return; }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await runCommand(config.device, command.component, command.name, p, { connectionTimeout: 0, responseTimeout: 30 }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="tile-command" onSubmit={run} noValidate aria-label={`Run ${command.displayName} on ${config.device}`}>
      {fields && <RequestInputs idPrefix={tile.id + '-cmd-'} fields={fields} values={values} onChange={setValues} />}
      <button class="primary" type="submit" disabled={busy || !session.can('devices.executeCommands')}>
        {busy ? 'Waiting for the device…' : `Run ${command.displayName}`}
      </button>
      <ErrorBanner error={error} />
      {result && (
        <div data-testid="command-response" aria-live="polite">
          Status <Badge kind={result.responseCode >= 200 && result.responseCode < 300 ? 'ok' : 'bad'}>{result.responseCode}</Badge>
          <JsonView value={result.response} />
        </div>
      )}
    </form>
  );
}

/** An image tile: the image (uploaded with the dashboard as a data URL, or a same-origin URL), linked when `href` is set. */
export function ImageTile({ tile }: { tile: Tile }) {
  const config = tile.configuration as any;
  if (!config.image) return <p class="muted">No image chosen.</p>;
  const image = <img class={config.format?.fitImage === false ? 'tile-image' : 'tile-image fit'} src={config.image} alt={tile.displayName ?? ''} />;
  return config.href && /^https?:\/\//.test(config.href) ? <a href={config.href} target="_blank" rel="noopener noreferrer">{image}</a> : image;
}
