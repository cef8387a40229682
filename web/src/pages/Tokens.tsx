import { useState } from 'preact/hooks';
import { api, ApiToken } from '../api';
import { roleName, useSession } from '../session';
import { Confirm, CopyField, Dialog, ErrorBanner, Notice, Spinner } from '../ui/components';
import { RolePicker } from './RolePicker';
import { useConfirmedDelete, useSubmit } from './useActions';
import { useList } from './useList';

export function Tokens() {
  const session = useSession();
  const { items, error, reload } = useList<ApiToken>('/apiTokens');
  const [creating, setCreating] = useState(false);
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<ApiToken>(
    (t) => api('DELETE', '/apiTokens/' + encodeURIComponent(t.id)), reload, (t) => `Token ${t.id} revoked.`);
  return (
    <section aria-labelledby="tokens-title">
      <div class="page-head">
        <h1 id="tokens-title">API tokens</h1>
        <div class="spacer" />
        {session.can('apiTokens.create') && <button type="button" class="primary" onClick={() => setCreating(true)}>+ New token</button>}
      </div>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && (
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Token ID</th><th scope="col">Roles</th><th scope="col">Expires</th>{session.can('apiTokens.delete') && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>
            {items.length === 0 && <tr><td colSpan={4} class="muted">No API tokens.</td></tr>}
            {items.map((t) => (
              <tr key={t.id}>
                <td class="mono">{t.id}</td>
                <td>{t.roles.map((r) => roleName(r.role)).join(', ')}</td>
                <td>{t.expiry ? <Expiry at={t.expiry} /> : '—'}</td>
                {session.can('apiTokens.delete') && <td><button type="button" class="link danger-text" onClick={() => setDeleting(t)} aria-label={'Revoke ' + t.id}>Revoke</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewToken onClose={(created) => { setCreating(false); if (created) reload(); }} />}
      <Confirm open={!!deleting} title="Revoke token?" action="Revoke" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Revoke {deleting?.id}? Programs using it stop working immediately.</p>} />
    </section>
  );
}

/** A token's expiry; one that has passed says so (the server answers it 401 TokenExpired). */
function Expiry({ at }: { at: string }) {
  const when = new Date(at);
  const text = when.toLocaleDateString() + ' ' + when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return when.getTime() <= Date.now() ? <span class="danger-text">Expired {text}</span> : <span>{text}</span>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The server's limits: a year by default, at most two years (730 days) after creation. */
const MAX_DAYS = 730;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function NewToken({ onClose }: { onClose: (created: boolean) => void }) {
  const [id, setId] = useState('');
  const [role, setRole] = useState('');
  const [expiry, setExpiry] = useState('');
  const [issued, setIssued] = useState<ApiToken | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    setIssued(await api<ApiToken>('PUT', '/apiTokens/' + encodeURIComponent(id.trim()), {
      body: { roles: [{ role }], ...(expiry ? { expiry: new Date(expiry + 'T23:59:59Z').toISOString() } : {}) },
    }));
  });
  if (issued) {
    return (
      <Dialog title="Token created" open onClose={() => onClose(true)} wide>
        <Notice kind="warn">Copy the token now. It is shown only once; OpenCentral keeps only a hash of it.</Notice>
        <CopyField label="Token" value={issued.token ?? ''} />
        <div class="actions"><button type="button" class="primary" onClick={() => onClose(true)}>Done</button></div>
      </Dialog>
    );
  }
  return (
    <Dialog title="New API token" open onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        <div class="field"><label for="t-id">Token ID</label><input id="t-id" required pattern="[A-Za-z0-9\-_.]{1,128}" value={id} onInput={(e) => setId(e.currentTarget.value)} autoFocus /></div>
        <div class="field"><label for="t-role">Role</label><RolePicker id="t-role" value={role} onChange={setRole} /></div>
        <div class="field"><label for="t-exp">Expires (optional)</label><input id="t-exp" type="date" min={isoDate(Date.now() + DAY_MS)} max={isoDate(Date.now() + (MAX_DAYS - 1) * DAY_MS)} value={expiry} onInput={(e) => setExpiry(e.currentTarget.value)} aria-describedby="t-exp-help" /><small id="t-exp-help">At the end of that day (UTC). Without a date the token expires in one year; at most two years.</small></div>
        <div class="actions"><button type="button" class="secondary" onClick={() => onClose(false)}>Cancel</button><button class="primary" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create'}</button></div>
      </form>
    </Dialog>
  );
}
