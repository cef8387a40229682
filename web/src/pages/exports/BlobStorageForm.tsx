import { Config } from './destinationForms';
import { SecretField } from './SecretField';

interface Authorization { type: 'connectionString'; connectionString?: string; containerName?: string }

/** A blobstorage@v1 destination: the storage account's connection string (write-only) and the blob container. */
export function BlobStorageForm({ config, onChange }: { config: Config; onChange: (config: Config) => void }) {
  const auth = config.authorization as Authorization | undefined;
  const set = (changes: Partial<Authorization>) =>
    onChange({ ...config, authorization: { ...auth, ...changes, type: 'connectionString' } });
  return (
    <>
      <SecretField id="b-connection" label="Connection string" value={auth?.connectionString} required
        hint="DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;EndpointSuffix=core.windows.net"
        onChange={(connectionString) => set({ connectionString })} />
      <div class="field"><label for="b-container">Container</label>
        <input id="b-container" required pattern="[a-z0-9\-]{3,63}"
          value={auth?.containerName ?? ''} onInput={(e) => set({ containerName: e.currentTarget.value })} />
        <small>3–63 lowercase letters, digits and single hyphens. One file per minute:
          {' '}<code>{'{app}/0/{yyyy}/{MM}/{dd}/{HH}/{mm}/…'}</code></small></div>
    </>
  );
}
