import { useEffect, useState } from 'preact/hooks';
import { listRawData, RawMessage } from '../../api';
import { TelemetryStore } from './TelemetryTab';
import { Badge, ErrorBanner, Notice, Spinner } from '../../ui/components';
import { LiveTelemetry } from '../../live';
import { capabilities } from './model';

/** One row of the table: a stored message (GET …/rawData) or one received live, keyed by its log sequence. */
interface Row {
  seq: number;
  time: string;
  kind: RawMessage['kind'];
  component?: string;
  raw: string;
  body?: unknown;
  error?: string;
  properties?: Record<string, string>;
  reason?: string;
}

function fromStored(m: RawMessage): Row {
  let body: unknown = undefined;
  if (m.kind === 'telemetry' && !m.error) {
    try {
      body = JSON.parse(m.body);
    } catch {
      // the server marks bodies that are not JSON with an error
    }
  }
  return { seq: m.sequence, time: m.time, kind: m.kind, component: m.component, raw: m.body, body, error: m.error, properties: m.properties, reason: m.reason };
}

function fromLive(t: LiveTelemetry): Row {
  return { seq: t.seq, time: t.time, kind: 'telemetry', component: t.component, raw: t.raw, body: t.body, error: t.error, properties: t.properties };
}

/** Live messages and stored ones, newest first, each sequence once. */
function merged(live: LiveTelemetry[], stored: Row[]): Row[] {
  const seen = new Set<number>();
  const rows: Row[] = [];
  for (const row of [...live.map(fromLive), ...stored]) {
    if (seen.has(row.seq)) continue;
    seen.add(row.seq);
    rows.push(row);
  }
  return rows.sort((a, b) => b.seq - a.seq);
}

/** Members of a message the template does not describe (none without a template). */
function unmodeled(m: Row, modeled: Set<string> | null): string[] {
  if (!modeled || m.kind !== 'telemetry' || m.error || !m.body || typeof m.body !== 'object' || Array.isArray(m.body)) return [];
  return Object.keys(m.body).filter((k) => !modeled.has((m.component ?? '') + '/' + k));
}

/** The device's stored messages, a page at a time (newest first), when the caller may read them. */
function useStored(deviceId: string, allowed: boolean) {
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | undefined>();
  const [loading, setLoading] = useState(allowed);
  const [error, setError] = useState<unknown>(null);
  const load = async (link?: string, signal?: AbortSignal) => {
    setError(null);
    setLoading(true);
    try {
      const page = await listRawData(deviceId, link, signal);
      const loaded = page.value.map(fromStored);
      setRows((prev) => (link ? prev.concat(loaded) : loaded));
      setNext(page.nextLink);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setError(e);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };
  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    load(undefined, controller.signal);
    return () => controller.abort();
  }, [deviceId, allowed]);
  return { rows, next, loading, error, load };
}

/** Every stored message of the device and those arriving live, newest first: errors highlighted, members the template lacks marked. */
export function RawTab({ deviceId, store, model, canViewStored }: { deviceId: string; store: TelemetryStore; version: number; model: any | null; canViewStored: boolean }) {
  const stored = useStored(deviceId, canViewStored);
  const list = merged(store.messages, stored.rows);
  const modeled = model ? new Set(capabilities(model, 'Telemetry').map((t) => t.component + '/' + t.name)) : null;
  return (
    <div>
      {canViewStored ? (
        <Notice>Every message the device sent and its connection changes, newest first, as the server stored them; messages arriving now are added on top.</Notice>
      ) : (
        <Notice>Your role cannot view stored raw data, so only messages received since this page opened are shown, newest first (up to 500).</Notice>
      )}
      <ErrorBanner error={stored.error} onRetry={() => stored.load()} />
      <table class="table" aria-label="Raw messages">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Component</th>
            <th scope="col">Message</th>
            <th scope="col">Properties</th>
          </tr>
        </thead>
        <tbody>
          {list.length === 0 && !stored.loading && <tr><td colSpan={4} class="muted">No messages yet.</td></tr>}
          {list.map((m) => {
            const extra = unmodeled(m, modeled);
            return (
            <tr key={m.seq} data-seq={m.seq} class={m.error ? 'row-error' : extra.length ? 'row-warn' : ''}>
              <td><time dateTime={m.time} title={m.time}>{new Date(m.time).toLocaleString()}</time></td>
              <td>{m.kind !== 'telemetry' ? '—' : m.component ?? <span class="muted">default</span>}</td>
              {m.kind === 'telemetry' ? (
                <td class="mono wrap">
                  {m.error && <><Badge kind="bad">Error</Badge> {m.error}<br /></>}
                  {extra.length > 0 && <><Badge kind="warn">Unmodeled</Badge> {extra.join(', ')} {extra.length === 1 ? 'is' : 'are'} not in the template<br /></>}
                  {m.raw}
                </td>
              ) : (
                <td>
                  <Badge kind="neutral">{m.kind === 'connected' ? 'Connected' : 'Disconnected'}</Badge>
                  {m.reason && <span class="muted"> {m.reason}</span>}
                </td>
              )}
              <td class="mono small">{m.properties && Object.keys(m.properties).length ? JSON.stringify(m.properties) : '—'}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
      {stored.loading && <Spinner label="Loading stored messages…" />}
      {stored.next && !stored.loading && (
        <div class="actions left">
          <button type="button" class="secondary" onClick={() => stored.load(stored.next)}>Load older</button>
        </div>
      )}
    </div>
  );
}
