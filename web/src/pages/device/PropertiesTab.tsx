import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, get } from '../../api';
import { Badge, ErrorBanner, Notice, relativeTime, Spinner, toast, toastError } from '../../ui/components';
import { capabilities, PropertyKind, propertyKind } from './model';
import { showValue, valueClass } from '../../ui/format';

interface Meta {
  lastUpdateTime?: string;
  desiredValue?: unknown;
  desiredVersion?: number;
  ackCode?: number;
  ackVersion?: number;
  ackDescription?: string;
}
type Level = Record<string, unknown> & { $metadata?: Record<string, Meta> };
interface Row { component?: string; name: string; reported: unknown; hasReported: boolean; meta: Meta; kind?: PropertyKind; displayName?: string; schema?: unknown }

/** Splits DeviceProperties into rows: default-component properties and each component's. */
function rows(view: Level): Row[] {
  const out: Row[] = [];
  const level = (l: Level, component?: string) => {
    const meta = l.$metadata ?? {};
    const names = new Set([...Object.keys(l), ...Object.keys(meta)]);
    names.delete('$metadata');
    for (const name of names) {
      const value = l[name];
      if (!component && !(name in meta) && value && typeof value === 'object' && !Array.isArray(value)) {
        level(value as Level, name);
        continue;
      }
      out.push({ component, name, reported: value, hasReported: name in l, meta: meta[name] ?? {} });
    }
  };
  level(view);
  return out;
}

export type AckState = 'pending' | 'accepted' | 'rejected' | 'reported';
export function ackState(m: Meta): AckState {
  if (m.desiredValue === undefined) return 'reported';
  if (m.ackVersion !== undefined && m.desiredVersion !== undefined && m.ackVersion >= m.desiredVersion) {
    return m.ackCode !== undefined && m.ackCode >= 200 && m.ackCode < 300 ? 'accepted' : 'rejected';
  }
  if (m.ackVersion === undefined && m.ackCode !== undefined) return m.ackCode >= 200 && m.ackCode < 300 ? 'accepted' : 'rejected';
  return 'pending';
}

function StateBadge({ m }: { m: Meta }) {
  const s = ackState(m);
  if (s === 'accepted') return <Badge kind="ok">Accepted{m.ackCode ? ` (${m.ackCode})` : ''}</Badge>;
  if (s === 'rejected') return <Badge kind="bad">Rejected ({m.ackCode}){m.ackDescription ? ': ' + m.ackDescription : ''}</Badge>;
  if (s === 'pending') return <Badge kind="warn">Pending</Badge>;
  return <Badge kind="neutral">Reported</Badge>;
}

/** A value typed by a person: JSON when it parses (42, true, {"a":1}), else the text as a string. */
export function parseValue(text: string): unknown {
  const t = text.trim();
  try {
    return JSON.parse(t);
  } catch {
    return text;
  }
}

/** With a template: every modeled property (also those without a value yet), each with its kind. */
function withModel(list: Row[], model: any): Row[] {
  const modeled = capabilities(model, 'Property');
  const key = (component: string | undefined, name: string) => (component ?? '') + '/' + name;
  const byKey = new Map(modeled.map((p) => [key(p.component, p.name), p]));
  const out = list.map((r) => {
    const p = byKey.get(key(r.component, r.name));
    return { ...r, kind: propertyKind(p), displayName: p?.displayName, schema: p?.element.schema };
  });
  const present = new Set(list.map((r) => key(r.component, r.name)));
  for (const p of modeled) {
    if (!present.has(key(p.component, p.name))) {
      out.push({ component: p.component || undefined, name: p.name, reported: undefined, hasReported: false, meta: {}, kind: propertyKind(p), displayName: p.displayName, schema: p.element.schema });
    }
  }
  return out;
}

const KIND_BADGE: Record<PropertyKind, JSX.Element> = {
  writable: <Badge kind="info">Writable</Badge>,
  cloud: <Badge kind="info">Cloud</Badge>,
  'read-only': <Badge kind="neutral">Read-only</Badge>,
  unmodeled: <Badge kind="warn">Unmodeled</Badge>,
};

/** Sets a writable or cloud property of a device (`component` '' for the default one), as the device page does. */
export function patchProperty(deviceId: string, component: string, name: string, schema: unknown, value: unknown) {
  const path = '/devices/' + encodeURIComponent(deviceId);
  const target = component ? `${path}/components/${encodeURIComponent(component)}/properties` : path + '/properties';
  // A string property keeps what was typed as text, even when it looks like a number.
  const typed = schema === 'string' && typeof value !== 'string' ? JSON.stringify(value) : value;
  return api('PATCH', target, { body: { [name]: typed } });
}

export function PropertiesTab({ deviceId, tick, canUpdate, model }: { deviceId: string; tick: number; canUpdate: boolean; model: any | null }) {
  const [view, setView] = useState<Level | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [refreshing, setRefreshing] = useState(false);
  const path = '/devices/' + encodeURIComponent(deviceId);
  const timer = useRef<number | undefined>(undefined);

  const load = () => {
    setRefreshing(true);
    get<Level>(path + '/properties').then((v) => { setView(v); setError(null); }, setError).finally(() => setRefreshing(false));
  };
  useEffect(load, [deviceId]);
  useEffect(() => {
    if (tick === 0) return;
    clearTimeout(timer.current);
    timer.current = window.setTimeout(load, 150);
  }, [tick]);

  const save = async (row: Row, value: unknown) => {
    try {
      await patchProperty(deviceId, row.component ?? '', row.name, row.schema, value);
      const what = (row.component ? row.component + '/' : '') + row.name;
      toast(row.kind === 'cloud' ? `Saved ${what}.` : `Sent ${what}; waiting for the device to accept it.`);
      load();
    } catch (e) {
      toastError(e);
    }
  };

  if (!view) return error ? <ErrorBanner error={error} onRetry={load} /> : <Spinner label="Loading properties…" />;
  const list = model ? withModel(rows(view), model) : rows(view);
  const editable = (r: Row) => canUpdate && (!r.kind || r.kind === 'writable' || r.kind === 'cloud');
  return (
    <div>
      <ErrorBanner error={error} onRetry={load} />
      {model ? (
        <Notice>Writable properties are sent to the device; their state shows whether it accepted them. Cloud properties are kept by OpenCentral and saved at once.</Notice>
      ) : (
        <Notice>
          No device template is assigned, so OpenCentral cannot tell which properties are writable. Any property can be sent to the device as a desired value; its state shows whether the device accepted it.
        </Notice>
      )}
      <table class="table" aria-label="Device properties" aria-busy={refreshing}>
        <thead>
          <tr>
            <th scope="col">Property</th>
            {model && <th scope="col">Kind</th>}
            <th scope="col">{model ? 'Value' : 'Reported value'}</th>
            <th scope="col">Desired value</th>
            <th scope="col">State</th>
            <th scope="col">Updated</th>
            {canUpdate && <th scope="col">Set value</th>}
          </tr>
        </thead>
        <tbody>
          {list.length === 0 && (
            <tr><td colSpan={7} class="muted">The device has not reported any properties yet.</td></tr>
          )}
          {list.map((r) => (
            <tr key={(r.component ?? '') + '/' + r.name} data-property={r.name}>
              <th scope="row">{r.component && <span class="muted">{r.component} / </span>}{r.displayName ?? r.name}{r.displayName && r.displayName.toLowerCase() !== r.name.toLowerCase() && <span class="muted small mono"> {r.name}</span>}</th>
              {model && <td>{r.kind && KIND_BADGE[r.kind]}</td>}
              <td class={valueClass(r.reported)} data-testid="reported">{r.hasReported ? showValue(r.reported) : '—'}</td>
              <td class={valueClass(r.meta.desiredValue)}>{showValue(r.meta.desiredValue)}</td>
              <td data-testid="state">{r.kind === 'cloud' ? (r.hasReported ? <Badge kind="ok">Saved</Badge> : <Badge kind="neutral">Not set</Badge>)
                : !r.hasReported && r.meta.desiredValue === undefined ? <Badge kind="neutral">No value yet</Badge> : <StateBadge m={r.meta} />}</td>
              <td>{relativeTime(r.meta.lastUpdateTime)}</td>
              {canUpdate && <td>{editable(r) ? <EditValue row={r} onSave={save} /> : <span class="muted small">Reported by the device</span>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {canUpdate && !model && <NewProperty onSave={(name, component, value) => save({ name, component, reported: undefined, hasReported: false, meta: {} }, value)} />}
    </div>
  );
}

function EditValue({ row, onSave }: { row: Row; onSave: (r: Row, v: unknown) => Promise<void> }) {
  const initial = row.meta.desiredValue ?? row.reported;
  const [text, setText] = useState(initial === undefined ? '' : typeof initial === 'string' ? initial : JSON.stringify(initial));
  const [busy, setBusy] = useState(false);
  const id = 'edit-' + (row.component ?? '') + '-' + row.name;
  return (
    <form class="inline-form" onSubmit={async (e) => { e.preventDefault(); setBusy(true); await onSave(row, parseValue(text)); setBusy(false); }}>
      <label class="sr-only" for={id}>New value of {row.name}</label>
      <input id={id} class="mono" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <button class="secondary" type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send'}</button>
    </form>
  );
}

function NewProperty({ onSave }: { onSave: (name: string, component: string | undefined, value: unknown) => Promise<void> }) {
  const [name, setName] = useState('');
  const [component, setComponent] = useState('');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form class="card form-row" aria-labelledby="new-prop-title" onSubmit={async (e) => {
      e.preventDefault();
      setBusy(true);
      await onSave(name.trim(), component.trim() || undefined, parseValue(value));
      setBusy(false);
    }}>
      <h2 id="new-prop-title">Set a writable property</h2>
      <div class="field inline"><label for="np-name">Name</label><input id="np-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
      <div class="field inline"><label for="np-component">Component (optional)</label><input id="np-component" value={component} onInput={(e) => setComponent(e.currentTarget.value)} /></div>
      <div class="field inline"><label for="np-value">Value (JSON or text)</label><input id="np-value" class="mono" required value={value} onInput={(e) => setValue(e.currentTarget.value)} /></div>
      <button class="primary" type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send to device'}</button>
    </form>
  );
}
