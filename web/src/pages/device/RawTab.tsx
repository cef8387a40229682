import { TelemetryStore } from './TelemetryTab';
import { Badge, Notice } from '../../ui/components';

export function RawTab({ store }: { store: TelemetryStore; version: number }) {
  const list = store.messages;
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
          {list.map((m) => (
            <tr key={m.seq} class={m.error ? 'row-error' : ''}>
              <td><time dateTime={m.time}>{new Date(m.time).toLocaleTimeString()}</time></td>
              <td>{m.component ?? <span class="muted">default</span>}</td>
              <td class="mono wrap">
                {m.error && <><Badge kind="bad">Error</Badge> {m.error}<br /></>}
                {m.raw}
              </td>
              <td class="mono small">{m.properties && Object.keys(m.properties).length ? JSON.stringify(m.properties) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
