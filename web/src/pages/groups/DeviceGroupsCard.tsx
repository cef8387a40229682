import { linkClick } from '../../router';
import { ErrorBanner, Spinner } from '../../ui/components';
import { useList } from '../useList';
import { DeviceGroup } from './groupApi';

/** The groups a device is a member of now (GET /api/devices/{id}/deviceGroups, an OpenCentral extension). */
export function DeviceGroupsCard({ deviceId }: { deviceId: string }) {
  const { items, error, reload } = useList<DeviceGroup>('/devices/' + encodeURIComponent(deviceId) + '/deviceGroups');
  return (
    <div class="card">
      <h2>Device groups</h2>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && items.length === 0 && <p class="muted">This device is in no device group.</p>}
      {items && items.length > 0 && (
        <ul data-testid="device-groups">
          {items.map((g) => <li key={g.id}><a href={'/groups/' + encodeURIComponent(g.id)} onClick={linkClick}>{g.displayName}</a></li>)}
        </ul>
      )}
    </div>
  );
}
