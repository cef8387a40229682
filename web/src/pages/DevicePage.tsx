import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, Credentials, Device, get } from '../api';
import { LiveTelemetry, useLive } from '../live';
import { linkClick, navigate } from '../router';
import { useSession } from '../session';
import { Confirm, CopyField, ErrorBanner, Notice, relativeTime, Spinner, toast, toastError } from '../ui/components';
import { connectionString } from './CreateDevice';
import { PropertiesTab } from './device/PropertiesTab';
import { CommandsTab } from './device/CommandsTab';
import { TelemetryTab, TelemetryStore } from './device/TelemetryTab';
import { RawTab } from './device/RawTab';
import { FilesTab } from './device/FilesTab';
import { TemplateAssign } from './device/TemplateAssign';
import { SimulationRate } from './device/SimulationRate';
import { DeviceGroupsCard } from './groups/DeviceGroupsCard';
import { useTemplateModel } from './device/model';
import { deviceStatus, StatusBadge, STATUSES, StatusFacts } from './deviceStatus';

const TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'properties', label: 'Properties' },
  { id: 'commands', label: 'Commands' },
  { id: 'telemetry', label: 'Telemetry' },
  { id: 'raw', label: 'Raw data' },
  // not "files": /devices/{id}/files on the HTTPS port is IoT Hub's device file-upload path
  { id: 'uploads', label: 'Files', permission: 'devices.viewUploadedFiles' },
] as const;

export function DevicePage({ id, tab }: { id: string; tab: string }) {
  const session = useSession();
  const [device, setDevice] = useState<Device | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [connected, setConnected] = useState<boolean | undefined>(undefined);
  const [lastActivity, setLastActivity] = useState<string | undefined>(undefined);
  const [propertyTick, setPropertyTick] = useState(0);
  const store = useRef(new TelemetryStore()).current;
  const [telemetryVersion, setTelemetryVersion] = useState(0);
  const [deleted, setDeleted] = useState(false);

  const load = () => {
    setError(null);
    get<Device>('/devices/' + encodeURIComponent(id)).then(setDevice, setError);
  };
  useEffect(load, [id]);
  const { model, error: modelError } = useTemplateModel(device?.template);

  const live = useLive(device && !deleted ? [id] : [], {
    state: (s) => { setConnected(s.connected); setLastActivity(s.lastActivity); },
    connection: (c) => { setConnected(c.connected); setLastActivity(c.time); },
    telemetry: (t: LiveTelemetry) => { store.add(t); setLastActivity(t.time); setTelemetryVersion((v) => v + 1); },
    properties: (p) => { if (p.section === 'reported') setLastActivity(p.time); setPropertyTick((n) => n + 1); },
    device: (d) => { if (d.change === 'DELETED') setDeleted(true); else load(); },
  });

  if (error) return <section><Back /><ErrorBanner error={error} onRetry={load} /></section>;
  if (!device) return <section><Back /><Spinner label="Loading device…" /></section>;
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  // The live feed's connection state is newer than the device as read; the status rule is the list's.
  const facts: StatusFacts = { ...device, connected: connected ?? device.connected, lastActivity: lastActivity ?? device.lastActivity };
  return (
    <section aria-labelledby="device-title">
      <Back />
      <div class="page-head">
        <h1 id="device-title">{device.displayName}</h1>
        <StatusBadge device={facts} />
        <div class="spacer" />
        <span class={'live-dot ' + live} title={'Live updates: ' + live}>
          {live === 'open' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Live updates unavailable'}
        </span>
      </div>
      {deleted && <Notice kind="warn">This device was deleted.</Notice>}
      <nav class="tabs" aria-label="Device sections">
        {TABS.filter((t) => !('permission' in t) || session.can(t.permission)).map((t) => (
          <a key={t.id} href={`/devices/${encodeURIComponent(id)}${t.id === 'overview' ? '' : '/' + t.id}`} onClick={linkClick} aria-current={t.id === current.id ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {modelError && <Notice kind="warn">The device's template could not be read, so properties and commands are shown without it. {modelError instanceof Error ? modelError.message : String(modelError)}</Notice>}
      <div class="tab-body">
        {current.id === 'overview' && <Overview device={device} facts={facts} onChanged={setDevice} canUpdate={session.can('devices.update')} canDelete={session.can('devices.delete')} canConnect={session.can('deviceConnectivity.readInstance')} />}
        {current.id === 'properties' && <PropertiesTab deviceId={id} tick={propertyTick} canUpdate={session.can('devices.update')} model={model} />}
        {current.id === 'commands' && <CommandsTab deviceId={id} canRun={session.can('devices.executeCommands')} connected={deviceStatus(facts) === 'connected'} model={model} />}
        {current.id === 'telemetry' && <TelemetryTab deviceId={id} templated={!!device.template} store={store} version={telemetryVersion} live={live} />}
        {current.id === 'uploads' && <FilesTab deviceId={id} />}
        {current.id === 'raw' && <RawTab deviceId={id} store={store} version={telemetryVersion} model={model} canViewStored={session.can('devices.viewRawData')} />}
      </div>
    </section>
  );
}

function Back() {
  return <a class="back" href="/devices" onClick={linkClick}>← All devices</a>;
}

function Overview({ device, facts, onChanged, canUpdate, canDelete, canConnect }: {
  device: Device; facts: StatusFacts; onChanged: (d: Device) => void; canUpdate: boolean; canDelete: boolean; canConnect: boolean;
}) {
  const canViewGroups = useSession().can('deviceGroups.view');
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [credError, setCredError] = useState<unknown>(null);
  const path = '/devices/' + encodeURIComponent(device.id);

  const toggle = async () => {
    setBusy(true);
    try {
      onChanged(await api<Device>('PATCH', path, { body: { enabled: !device.enabled } }));
      toast(device.enabled ? 'Device disabled; it can no longer connect.' : 'Device enabled.');
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    setBusy(true);
    try {
      await api('DELETE', path);
      toast(`Device ${device.id} deleted.`);
      navigate('/devices');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) navigate('/devices');
      else toastError(e);
    } finally {
      setBusy(false);
      setConfirm(false);
    }
  };
  const showConnect = () => {
    setCredError(null);
    get<Credentials>(path + '/credentials').then(setCredentials, setCredError);
  };
  return (
    <div class="grid-2">
      <div class="card">
        <h2>Overview</h2>
        <dl class="facts">
          <dt>Status</dt>
          <dd data-testid="overview-status">{STATUSES[deviceStatus(facts)].label}</dd>
          <dt>Last activity</dt>
          <dd>{facts.lastActivity ? <time dateTime={facts.lastActivity} title={facts.lastActivity}>{relativeTime(facts.lastActivity)}</time> : '—'}</dd>
          <dt>Device ID</dt>
          <dd class="mono">{device.id}</dd>
          <dt>Template</dt>
          <dd><TemplateAssign device={device} canUpdate={canUpdate} onChanged={onChanged} /></dd>
          <dt>Organization</dt>
          <dd>{device.organizations?.[0] ?? 'Root'}</dd>
          <dt>Provisioned</dt>
          <dd>{device.provisioned ? 'Yes' : 'No'}</dd>
          <dt>Simulated</dt>
          <dd>{device.simulated ? 'Yes' : 'No'}</dd>
          {device.simulated && <>
            <dt>Send interval</dt>
            <dd><SimulationRate device={device} canUpdate={canUpdate} onChanged={onChanged} /></dd>
          </>}
        </dl>
        <div class="actions left">
          {canUpdate && (
            <button type="button" class="secondary" onClick={toggle} disabled={busy}>
              {device.enabled ? 'Disable device' : 'Enable device'}
            </button>
          )}
          {canDelete && (
            <button type="button" class="danger" onClick={() => setConfirm(true)} disabled={busy}>
              Delete device
            </button>
          )}
        </div>
      </div>
      <div class="card">
        <h2>Connect</h2>
        {!canConnect ? (
          <p class="muted">Your role cannot read device credentials.</p>
        ) : credentials ? (
          <>
            <CopyField label="ID scope" value={credentials.idScope} />
            <CopyField label="Primary key" value={credentials.symmetricKey.primaryKey} secret />
            <CopyField label="Secondary key" value={credentials.symmetricKey.secondaryKey} secret />
            <CopyField label="Connection string" value={connectionString(device.id, credentials.symmetricKey.primaryKey)} secret />
          </>
        ) : (
          <>
            <p>Devices connect over MQTT/TLS (port 8883) with a SAS key, or provision through DPS with the ID scope.</p>
            <button type="button" class="secondary" onClick={showConnect}>Show connection information</button>
            <ErrorBanner error={credError} />
          </>
        )}
      </div>
      {canViewGroups && <DeviceGroupsCard deviceId={device.id} />}
      <Confirm open={confirm} title="Delete device?" action="Delete" busy={busy} onConfirm={remove} onCancel={() => setConfirm(false)}
        body={<p>Delete <strong>{device.displayName}</strong> ({device.id})? It will be disconnected and its credentials stop working. This cannot be undone.</p>} />
    </div>
  );
}
