import { useEffect, useState } from 'preact/hooks';
import { Collection, Device, get, getTemplateModel } from '../../api';
import { capabilities } from '../device/model';
import type { DeviceGroup } from '../groups/groupApi';
import { AGGREGATES, TILE_TYPES, Tile } from './dashboardApi';
import { Offered, useGroupCapabilities } from './capabilities';
import { TILE_URL_KEY, tileUrl } from './MapView';

/** The device groups the caller may see (the first 100). */
export function useGroups(): DeviceGroup[] {
  const [groups, setGroups] = useState<DeviceGroup[]>([]);
  useEffect(() => {
    get<Collection<DeviceGroup>>('/deviceGroups?maxpagesize=100').then((page) => setGroups(page.value), () => setGroups([]));
  }, []);
  return groups;
}

function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  return (
    <label class="field small-field">
      <span>{label}</span>
      <input type="number" min={min} max={max} value={value} onInput={(e) => {
        const n = Number((e.target as HTMLInputElement).value);
        if (Number.isInteger(n) && n >= min && n <= max) onChange(n);
      }} />
    </label>
  );
}

/** The tile types whose capabilities are aggregated. */
const AGGREGATED = ['lineChart', 'barChart', 'pieChart', 'heatMapChart', 'kpi'];

/** Whether a tile of `type` may show `o`: maps show locations, event tiles events, state tiles states. */
function fits(type: string, o: Offered): boolean {
  if (type.startsWith('map')) return o.location;
  if (type.startsWith('event')) return o.event;
  if (type.startsWith('state')) return o.state;
  return true;
}

/** The largest image kept in a tile (as a data URL in its configuration). */
const MAX_IMAGE_BYTES = 256 * 1024;

function ImageFields({ config, set }: { config: any; set: (changes: Record<string, unknown>) => void }) {
  const [error, setError] = useState('');
  const upload = (file: File | undefined) => {
    setError('');
    if (!file) return;
    if (!file.type.startsWith('image/')) { setError('Choose an image file.'); return; }
    if (file.size > MAX_IMAGE_BYTES) { setError(`The image is larger than ${MAX_IMAGE_BYTES / 1024} KB.`); return; }
    const reader = new FileReader();
    reader.onload = () => set({ image: reader.result as string });
    reader.readAsDataURL(file);
  };
  const url = typeof config.image === 'string' && !config.image.startsWith('data:') ? config.image : '';
  return (
    <>
      <label class="field">
        <span>Upload an image (kept with the dashboard, at most 256 KB)</span>
        <input type="file" accept="image/*" onChange={(e) => upload((e.target as HTMLInputElement).files?.[0])} />
      </label>
      {error && <p class="error-text" role="alert">{error}</p>}
      <label class="field">
        <span>Or the image's address on this server</span>
        <input value={url} placeholder="/branding/logo.png" onInput={(e) => set({ image: (e.target as HTMLInputElement).value.trim() })} />
        <small>Images from other sites are blocked by the Content-Security-Policy unless the operator allows their origin.</small>
      </label>
      <label class="field">
        <span>Link (optional)</span>
        <input value={config.href ?? ''} placeholder="https://…" onInput={(e) => set({ href: (e.target as HTMLInputElement).value.trim() || undefined })} />
      </label>
    </>
  );
}

/** The devices of a group (the first 100) and the commands of their templates. */
function CommandFields({ config, groups, set }: { config: any; groups: DeviceGroup[]; set: (changes: Record<string, unknown>) => void }) {
  const [devices, setDevices] = useState<Device[]>([]);
  const [commands, setCommands] = useState<{ path: string; label: string }[]>([]);
  useEffect(() => {
    setDevices([]);
    if (!config.group) return;
    const abort = new AbortController();
    get<Collection<Device>>('/deviceGroups/' + encodeURIComponent(config.group) + '/devices?maxpagesize=100', abort.signal)
      .then((page) => setDevices(page.value), () => undefined);
    return () => abort.abort();
  }, [config.group]);
  const template = devices.find((d) => d.id === config.device)?.template;
  useEffect(() => {
    setCommands([]);
    if (!template) return;
    const abort = new AbortController();
    getTemplateModel(template, abort.signal).then((model) => setCommands(capabilities(model, 'Command').map((c) => ({
      path: c.component ? c.component + '/' + c.name : c.name, label: c.displayName + (c.component ? ' (' + c.component + ')' : ''),
    }))), () => undefined);
    return () => abort.abort();
  }, [template]);
  return (
    <>
      <label class="field">
        <span>Device group</span>
        <select value={config.group ?? ''} onChange={(e) => set({ group: (e.target as HTMLSelectElement).value, device: '', command: '' })}>
          <option value="">Choose a group</option>
          {groups.map((g) => <option value={g.id} key={g.id}>{g.displayName}</option>)}
        </select>
      </label>
      <label class="field">
        <span>Device</span>
        <select value={config.device ?? ''} onChange={(e) => set({ device: (e.target as HTMLSelectElement).value, command: '' })}>
          <option value="">{config.group ? 'Choose one' : 'Choose a group first'}</option>
          {devices.map((d) => <option value={d.id} key={d.id}>{d.displayName}</option>)}
        </select>
      </label>
      <label class="field">
        <span>Command</span>
        <select value={config.command ?? ''} onChange={(e) => set({ command: (e.target as HTMLSelectElement).value })}>
          <option value="">{config.device ? 'Choose one' : 'Choose a device first'}</option>
          {commands.map((c) => <option value={c.path} key={c.path}>{c.label}</option>)}
        </select>
      </label>
    </>
  );
}

/** The side panel that configures one tile; changes apply to the grid as they are made. */
export function TilePanel({ tile, onChange, onRemove, onClose }: {
  tile: Tile; onChange: (tile: Tile) => void; onRemove: () => void; onClose: () => void;
}) {
  const config = tile.configuration as any;
  const kind = TILE_TYPES.find((t) => t.type === config.type);
  const groups = useGroups();
  const offered = useGroupCapabilities(kind?.grouped ? config.group : undefined);
  const wanted = config.type === 'mapProperty' || config.type === 'property' ? 'Property' : 'Telemetry';
  const choices = offered.filter((o) => o.kind === wanted && fits(config.type, o));
  const capability = config.capabilities?.[0] ?? { capability: '', aggregateFunction: 'avg' };
  const set = (changes: Record<string, unknown>) => onChange({ ...tile, configuration: { ...config, ...changes } });
  const [tiles, setTiles] = useState(tileUrl());

  return (
    <aside class="tile-panel card" aria-label="Configure tile">
      <h2>Configure tile</h2>
      <label class="field">
        <span>Title</span>
        <input value={tile.displayName} onInput={(e) => onChange({ ...tile, displayName: (e.target as HTMLInputElement).value })} />
      </label>
      <p class="muted">{kind?.label ?? config.type}</p>
      {kind?.grouped && (
        <>
          <label class="field">
            <span>Device group</span>
            <select value={config.group ?? ''} onChange={(e) => set({ group: (e.target as HTMLSelectElement).value, capabilities: [] })}>
              <option value="">Choose a group</option>
              {groups.map((g) => <option value={g.id} key={g.id}>{g.displayName}</option>)}
            </select>
          </label>
          <label class="field">
            <span>{wanted === 'Property' ? 'Property' : 'Telemetry'}</span>
            <select value={capability.capability} onChange={(e) => set({ capabilities: [{ ...capability, capability: (e.target as HTMLSelectElement).value }] })}>
              <option value="">{config.group ? 'Choose one' : 'Choose a group first'}</option>
              {choices.map((o) => <option value={o.path} key={o.path}>{o.label}</option>)}
              {capability.capability && !choices.some((o) => o.path === capability.capability) && <option value={capability.capability}>{capability.capability}</option>}
            </select>
          </label>
          {AGGREGATED.includes(config.type) && (
            <label class="field">
              <span>Aggregate</span>
              <select value={capability.aggregateFunction} onChange={(e) => set({ capabilities: [{ ...capability, aggregateFunction: (e.target as HTMLSelectElement).value }] })}>
                {AGGREGATES.map((a) => <option value={a} key={a}>{a}</option>)}
              </select>
            </label>
          )}
        </>
      )}
      {config.type === 'command' && <CommandFields config={config} groups={groups} set={set} />}
      {config.type === 'image' && <ImageFields config={config} set={set} />}
      {config.type === 'deviceCount' && (
        <label class="field check"><input type="checkbox" checked={!!config.connected} onChange={(e) => set({ connected: (e.target as HTMLInputElement).checked })} /> Connected devices only</label>
      )}
      {config.type === 'markdown' && (
        <label class="field">
          <span>Markdown</span>
          <textarea rows={8} value={config.description ?? ''} onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })} />
        </label>
      )}
      {config.type === 'label' && (
        <label class="field">
          <span>Text</span>
          <input value={config.text ?? ''} onInput={(e) => set({ text: (e.target as HTMLInputElement).value })} />
        </label>
      )}
      {config.type?.startsWith('map') && (
        <label class="field">
          <span>Tile server URL (optional, this browser)</span>
          <input placeholder="https://tile.example.org/{z}/{x}/{y}.png" value={tiles} onInput={(e) => {
            const value = (e.target as HTMLInputElement).value.trim();
            setTiles(value);
            try {
              if (value) localStorage.setItem(TILE_URL_KEY, value);
              else localStorage.removeItem(TILE_URL_KEY);
            } catch { /* private mode */ }
          }} />
          <small>Without one the map shows country outlines shipped with OpenCentral (works offline).</small>
        </label>
      )}
      <fieldset class="placement">
        <legend>Place and size</legend>
        <NumberField label="Column" value={tile.x} min={0} max={11} onChange={(x) => onChange({ ...tile, x })} />
        <NumberField label="Row" value={tile.y} min={0} max={100} onChange={(y) => onChange({ ...tile, y })} />
        <NumberField label="Width" value={tile.width} min={1} max={10} onChange={(width) => onChange({ ...tile, width })} />
        <NumberField label="Height" value={tile.height} min={1} max={10} onChange={(height) => onChange({ ...tile, height })} />
      </fieldset>
      <div class="toolbar">
        <button type="button" class="primary" onClick={onClose}>Done</button>
        <button type="button" class="danger" onClick={onRemove}>Remove tile</button>
      </div>
    </aside>
  );
}
