import { useState } from 'preact/hooks';
import { useSession } from '../../session';
import { Dialog, ErrorBanner } from '../../ui/components';
import { Dashboard, newId, saveDashboard } from './dashboardApi';

/** The dialog that creates an empty dashboard, personal or for the whole application. */
export function NewDashboard({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (d: Dashboard) => void }) {
  const session = useSession();
  const canShared = session.can('applicationDashboards.create');
  const canPersonal = session.can('personalDashboards.create');
  const [name, setName] = useState('');
  const [personal, setPersonal] = useState(!canShared);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onCreated(await saveDashboard(newId('d'), { displayName: name.trim(), tiles: [], personal, favorite: false }));
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="New dashboard" open={open} onClose={onClose}>
      <form onSubmit={create}>
        {error ? <ErrorBanner error={error} /> : null}
        <label class="field">
          <span>Name</span>
          <input required value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        {canShared && canPersonal && (
          <label class="field check">
            <input type="checkbox" checked={personal} onChange={(e) => setPersonal((e.target as HTMLInputElement).checked)} /> Personal (only you see it)
          </label>
        )}
        <div class="toolbar">
          <button type="submit" class="primary" disabled={busy || !name.trim()}>Create</button>
          <button type="button" class="secondary" onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Dialog>
  );
}
