import { useState } from 'preact/hooks';
import { api, User } from '../api';
import { roleName, useSession } from '../session';
import { Confirm, Dialog, ErrorBanner, Spinner, toast } from '../ui/components';
import { RolePicker } from './RolePicker';
import { useList } from './useList';
import { useConfirmedDelete, useSubmit } from './useActions';

export function Users() {
  const session = useSession();
  const { items, error, reload } = useList<User>('/users');
  const [adding, setAdding] = useState(false);
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<User>(
    (u) => api('DELETE', '/users/' + encodeURIComponent(u.id)), reload, (u) => `User ${u.email} removed.`);
  return (
    <section aria-labelledby="users-title">
      <div class="page-head">
        <h1 id="users-title">Users</h1>
        <div class="spacer" />
        {session.can('users.add') && <button type="button" class="primary" onClick={() => setAdding(true)}>+ Add user</button>}
      </div>
      <ErrorBanner error={error} onRetry={reload} />
      {!items && !error && <Spinner />}
      {items && (
        <table class="table" aria-label="Users">
          <thead><tr><th scope="col">Email</th><th scope="col">Roles</th><th scope="col">ID</th>{session.can('users.delete') && <th scope="col"><span class="sr-only">Actions</span></th>}</tr></thead>
          <tbody>
            {items.map((u) => (
              <tr key={u.id}>
                <td>{u.email}{u.id === session.me.id && <span class="muted"> (you)</span>}</td>
                <td>{u.roles.map((r) => roleName(r.role) + (r.organization ? ` (${r.organization})` : '')).join(', ')}</td>
                <td class="mono small">{u.id}</td>
                {session.can('users.delete') && <td><button type="button" class="link danger-text" disabled={u.id === session.me.id} onClick={() => setDeleting(u)} aria-label={'Remove ' + u.email}>Remove</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding && <AddUser onClose={(added) => { setAdding(false); if (added) reload(); }} />}
      <Confirm open={!!deleting} title="Remove user?" action="Remove" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Remove {deleting?.email}? They can no longer sign in.</p>} />
    </section>
  );
}

function AddUser({ onClose }: { onClose: (added: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    const id = crypto.randomUUID();
    await api('PUT', '/users/' + id, { body: { type: 'email', email: email.trim(), roles: [{ role }], ...(password ? { password } : {}) } });
    toast(`User ${email} added.`);
    onClose(true);
  });
  return (
    <Dialog title="Add user" open onClose={() => onClose(false)}>
      <form onSubmit={submit}>
        {error && <div class="banner error" role="alert">{error}</div>}
        <div class="field"><label for="u-email">Email</label><input id="u-email" type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autoFocus /></div>
        <div class="field"><label for="u-pass">Password</label><input id="u-pass" type="password" autoComplete="new-password" minLength={12} value={password} onInput={(e) => setPassword(e.currentTarget.value)} aria-describedby="u-pass-help" /><small id="u-pass-help">At least 12 characters. Leave empty to set it later.</small></div>
        <div class="field"><label for="u-role">Role</label><RolePicker id="u-role" value={role} onChange={setRole} /></div>
        <div class="actions"><button type="button" class="secondary" onClick={() => onClose(false)}>Cancel</button><button class="primary" type="submit" disabled={busy}>{busy ? 'Adding…' : 'Add'}</button></div>
      </form>
    </Dialog>
  );
}
