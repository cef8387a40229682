import type { Device } from '../api';
import { Badge } from '../ui/components';

/**
 * A device's status in IoT Central's words, by one rule used by the device list and the device
 * page alike: a disabled device is Blocked; a simulated device with a template is Connected (the
 * server drives it while it is enabled); any other device shows its connection state once it has
 * ever been heard from, else whether it is Provisioned or only Registered.
 */
export type DeviceStatus = 'blocked' | 'connected' | 'disconnected' | 'provisioned' | 'registered';

/** What the rule reads: the device as listed, with live connection state when the page has it. */
export type StatusFacts = Pick<Device, 'enabled' | 'simulated' | 'template' | 'provisioned' | 'connected' | 'lastActivity'>;

export function deviceStatus(d: StatusFacts): DeviceStatus {
  if (!d.enabled) return 'blocked';
  if (d.simulated && d.template) return 'connected';
  if (d.connected) return 'connected';
  if (d.lastActivity) return 'disconnected';
  return d.provisioned ? 'provisioned' : 'registered';
}

const SIMULATED = 'simulated eq true and template ne null';

/** Each status, its word, its badge colour and the device-list `$filter` selecting exactly the devices the rule gives it. */
export const STATUSES: Record<DeviceStatus, { label: string; kind: 'ok' | 'bad' | 'neutral' | 'info'; condition: string }> = {
  connected: { label: 'Connected', kind: 'ok', condition: `enabled eq true and (connected eq true or (${SIMULATED}))` },
  disconnected: { label: 'Disconnected', kind: 'neutral', condition: `enabled eq true and connected eq false and lastActivity ne null and not (${SIMULATED})` },
  provisioned: { label: 'Provisioned', kind: 'info', condition: `enabled eq true and connected eq false and lastActivity eq null and provisioned eq true and not (${SIMULATED})` },
  registered: { label: 'Registered', kind: 'neutral', condition: `enabled eq true and connected eq false and lastActivity eq null and provisioned eq false and not (${SIMULATED})` },
  blocked: { label: 'Blocked', kind: 'bad', condition: 'enabled eq false' },
};

export function StatusBadge({ device }: { device: StatusFacts }) {
  const status = STATUSES[deviceStatus(device)];
  return <span data-testid="device-status"><Badge kind={status.kind}>{status.label}</Badge></span>;
}
