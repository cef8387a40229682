import { useState } from 'preact/hooks';
import { api, Collection, Credentials, Device, deviceListPath, get, odataString } from '../api';
import { linkClick } from '../router';
import { CopyField, Dialog } from '../ui/components';
import { useSubmit } from './useActions';

// Valid with the `v` flag browsers compile `pattern` with: `(`, `)` and `-` are escaped in the class.
const ID_PATTERN = '[A-Za-z0-9\\-.%_*?!\\(\\),:=@$\']{1,128}';

export function connectionString(deviceId: string, key: string) {
  return `HostName=${location.hostname};DeviceId=${deviceId};SharedAccessKey=${key}`;
}

/** Creates a device and then shows its connection information once, with copy buttons. */
export function CreateDevice({ onClose }: { onClose: (created: boolean) => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [simulated, setSimulated] = useState(false);
  const [created, setCreated] = useState<{ device: Device; credentials: Credentials } | null>(null);

  const { busy, error, submit } = useSubmit(async () => {
    const deviceId = id.trim();
    // Asked through the list, so that a free id is an empty page rather than a failed request.
    const existing = await get<Collection<Device>>(deviceListPath({ conditions: ['id eq ' + odataString(deviceId)], pageSize: 1 }));
    if (existing.value.length) throw new Error(`A device with ID “${deviceId}” already exists.`);
    const device = await api<Device>('PUT', '/devices/' + encodeURIComponent(deviceId), {
      body: { displayName: name.trim() || deviceId, simulated, enabled: true },
    });
    const credentials = await api<Credentials>('GET', '/devices/' + encodeURIComponent(deviceId) + '/credentials');
    setCreated({ device, credentials });
  });

  if (created) {
    const { device, credentials } = created;
    return (
      <Dialog title="Device created" open onClose={() => onClose(true)} wide>
        <p>
          <strong>{device.displayName}</strong> is ready to connect. Copy its connection information now; you can see it again on the device page under “Connect”.
        </p>
        <CopyField label="ID scope" value={credentials.idScope} />
        <CopyField label="Device ID" value={device.id} />
        <CopyField label="Primary key" value={credentials.symmetricKey.primaryKey} secret />
        <CopyField label="Secondary key" value={credentials.symmetricKey.secondaryKey} secret />
        <CopyField label="Connection string" value={connectionString(device.id, credentials.symmetricKey.primaryKey)} secret />
        <div class="actions">
          <a class="button secondary" href={'/devices/' + encodeURIComponent(device.id)} onClick={(e) => { onClose(true); linkClick(e); }}>
            Open device
          </a>
          <button type="button" class="primary" onClick={() => onClose(true)}>
            Done
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog title="New device" open onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        <div class="field">
          <label for="new-device-id">Device ID</label>
          <input id="new-device-id" required pattern={ID_PATTERN} maxLength={128} value={id} onInput={(e) => setId(e.currentTarget.value)} aria-describedby="new-device-id-help" autoFocus />
          <small id="new-device-id-help">Up to 128 letters, digits and - . % _ * ? ! ( ) , : = @ $ '. It cannot be changed later.</small>
        </div>
        <div class="field">
          <label for="new-device-name">Device name</label>
          <input id="new-device-name" maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} placeholder="Defaults to the ID" />
        </div>
        <div class="field check">
          <input id="new-device-sim" type="checkbox" checked={simulated} onChange={(e) => setSimulated(e.currentTarget.checked)} />
          <label for="new-device-sim">Simulated device</label>
        </div>
        <p class="muted">Device templates cannot be assigned yet: the template API is not available on this server.</p>
        <div class="actions">
          <button type="button" class="secondary" onClick={() => onClose(false)}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
