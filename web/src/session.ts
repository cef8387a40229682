import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, get, Me, setCsrfToken, User } from './api';

// Built-in roles, by IoT Central's ids (BuiltInRole.java); custom roles are looked up by the API.
export const BUILT_IN_ROLES: Record<string, string> = {
  'ca310b8d-2f4a-44e0-a36e-957c202cd8d4': 'App Administrator',
  '344138e9-8de4-4497-8c54-5237e96d6aaf': 'App Builder',
  'ae2c9854-393b-4f97-8c42-479d70ce626e': 'App Operator',
  'c495eb57-eb18-489e-9802-62c474e5645c': 'Org Administrator',
  'b4935647-30e4-4ed3-9074-dcac66c2f8ef': 'Org Operator',
  '84cc62c1-dabe-49d3-b16e-8b291232b285': 'Org Viewer',
};

export function roleName(id: string): string {
  return BUILT_IN_ROLES[id] ?? id;
}

export interface Session {
  me: Me;
  /** Whether the user holds a permission (`devices.view`, …) anywhere. */
  can: (permission: string) => boolean;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export function can(me: Me, permission: string): boolean {
  const [area] = permission.split('.');
  return me.permissions.includes(permission) || me.permissions.includes(area + '.fullControl');
}

/** Who is signed in (with their email when the API lets us read it); null when nobody is. */
export async function loadMe(): Promise<Me | null> {
  const me = await get<Me | { signedIn: false }>('/auth/me');
  if (!me.signedIn) return null;
  setCsrfToken(me.csrfToken);
  if (me.type === 'user') {
    const remembered = sessionStorage.getItem('oc-email:' + me.id);
    if (remembered) me.email = remembered;
    else if (can(me, 'users.view')) {
      try {
        me.email = (await get<User>('/users/' + encodeURIComponent(me.id))).email;
      } catch {
        /* the id is shown instead */
      }
    }
  }
  return me;
}

export async function signIn(email: string, password: string): Promise<void> {
  const answer = await api<{ user: User; csrfToken: string }>('POST', '/auth/login', { body: { email, password } });
  setCsrfToken(answer.csrfToken);
  sessionStorage.setItem('oc-email:' + answer.user.id, answer.user.email);
}

export async function signOut(): Promise<void> {
  try {
    await api('POST', '/auth/logout');
  } finally {
    setCsrfToken(undefined);
  }
}
