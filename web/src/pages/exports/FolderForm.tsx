import { Config } from './destinationForms';

/** A folder@v1 destination: a folder under the server's export directory, written in blob storage's layout. */
export function FolderForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  return (
    <div class="field"><label for="f-path">Folder</label>
      <input id="f-path" required maxLength={200} value={(config.path as string) ?? ''}
        placeholder="telemetry/plant-1" onInput={(e) => onChange({ ...config, path: e.currentTarget.value })} />
      <small>Relative to the server's export directory (<code>{'{data directory}/exports'}</code>); one file of
        JSON lines per minute under it.</small></div>
  );
}
