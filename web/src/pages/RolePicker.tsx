import { Role } from '../api';
import { BUILT_IN_ROLES } from '../session';
import { useList } from './useList';

/** A role select: the roles the API lists when the user may see them, else the built-in application roles. */
export function RolePicker({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { items } = useList<Role>('/roles');
  const roles = items ?? Object.entries(BUILT_IN_ROLES).slice(0, 3).map(([id, displayName]) => ({ id, displayName }));
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)} required>
      <option value="" disabled>Choose a role</option>
      {roles.map((r) => <option key={r.id} value={r.id}>{r.displayName}</option>)}
    </select>
  );
}
