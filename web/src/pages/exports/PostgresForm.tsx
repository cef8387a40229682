import { Config } from './destinationForms';
import { SecretField } from './SecretField';

/** A postgresql@v1 destination: JDBC URL, user, password (write-only) and the table rows are inserted into. */
export function PostgresForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  const set = (changes: Config) => onChange({ ...config, ...changes });
  return (
    <>
      <div class="field"><label for="p-url">JDBC URL</label>
        <input id="p-url" required pattern="jdbc:postgresql://.+" value={(config.url as string) ?? ''}
          placeholder="jdbc:postgresql://db:5432/iot" onInput={(e) => set({ url: e.currentTarget.value })} />
        <small>Without user or password parameters.</small></div>
      <div class="field"><label for="p-user">Username</label>
        <input id="p-user" required value={(config.username as string) ?? ''} onInput={(e) => set({ username: e.currentTarget.value })} /></div>
      <SecretField id="p-password" label="Password" value={config.password} required
        onChange={(password) => set({ password })} />
      <div class="field"><label for="p-table">Table</label>
        <input id="p-table" required value={(config.table as string) ?? ''} placeholder="telemetry or schema.telemetry"
          onInput={(e) => set({ table: e.currentTarget.value })} />
        <small>Created if missing.</small></div>
    </>
  );
}
