import { TelemetryStore } from './TelemetryTab';
import { Badge, Notice } from '../../ui/components';
import { LiveTelemetry } from '../../live';
import { capabilities } from './model';

/** Members of a message the template does not describe (none without a template). */
function unmodeled(m: LiveTelemetry, modeled: Set<string> | null): string[] {
  if (!modeled || m.error || !m.body || typeof m.body !== 'object' || Array.isArray(m.body)) return [];
  return Object.keys(m.body).filter((k) => !modeled.has((m.component ?? '') + '/' + k));
}

/** Every message received live, newest first: errors highlighted, members the template lacks marked. */
export function RawTab({ store, model }: { store: TelemetryStore; version: number; model: any | null }) {
  const list = store.messages;
  const modeled = model ? new Set(capabilities(model, 'Telemetry').map((t) => t.component + '/' + t.name)) : null;
  return (
    <div>
      <Notice>Every message received since this page opened, newest first (up to 500). Stored message history is not available from the server yet.</Notice>
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
          {list.length === 0 && <tr><td colSpan={4} class="muted">No messages yet.</td></tr>}
          {list.map((m) => {
            const extra = unmodeled(m, modeled);
            return (
            <tr key={m.seq} class={m.error ? 'row-error' : extra.length ? 'row-warn' : ''}>
              <td><time dateTime={m.time}>{new Date(m.time).toLocaleTimeString()}</time></td>
              <td>{m.component ?? <span class="muted">default</span>}</td>
              <td class="mono wrap">
                {m.error && <><Badge kind="bad">Error</Badge> {m.error}<br /></>}
                {extra.length > 0 && <><Badge kind="warn">Unmodeled</Badge> {extra.join(', ')} {extra.length === 1 ? 'is' : 'are'} not in the template<br /></>}
                {m.raw}
              </td>
              <td class="mono small">{m.properties && Object.keys(m.properties).length ? JSON.stringify(m.properties) : '—'}</td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
