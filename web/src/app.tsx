import { useEffect, useMemo, useState } from 'preact/hooks';
import { Me, onUnauthorized } from './api';
import { linkClick, match, navigate, usePath } from './router';
import { can, loadMe, roleName, Session, SessionContext, signOut } from './session';
import { ErrorBanner, Spinner, Toasts } from './ui/components';
import { SignIn } from './pages/SignIn';
import { DeviceList } from './pages/DeviceList';
import { DevicePage } from './pages/DevicePage';
import { TemplatePage, Templates } from './pages/Templates';
import { Users } from './pages/Users';
import { Tokens } from './pages/Tokens';
import { Roles } from './pages/Roles';
import { Audit } from './pages/Audit';
import { ChartBench } from './pages/Bench';
import { Groups } from './pages/groups/Groups';
import { GroupEditor } from './pages/groups/GroupEditor';
import { Jobs } from './pages/jobs/Jobs';
import { JobPage } from './pages/jobs/JobPage';
import { NewJob } from './pages/jobs/NewJob';
import { Rules } from './pages/rules/Rules';
import { RuleEditor } from './pages/rules/RuleEditor';
import { RulePage } from './pages/rules/RulePage';
import { Exports } from './pages/exports/Exports';
import { ExportEditor } from './pages/exports/ExportEditor';
import { Destinations } from './pages/exports/Destinations';
import { DestinationEditor } from './pages/exports/DestinationEditor';
import { Dashboards } from './pages/dashboards/Dashboards';
import { Explorer } from './pages/explorer/Explorer';
import { FileUploadSettings } from './pages/settings/FileUploads';

/** A page of the side navigation, shown to callers holding `permission` (or `or`). */
interface NavItem { path: string; label: string; permission: string; or?: string }
const NAV: NavItem[] = [
  { path: '/dashboards', label: 'Dashboards', permission: 'applicationDashboards.view', or: 'personalDashboards.view' },
  { path: '/explorer', label: 'Data explorer', permission: 'applicationDashboards.view', or: 'personalDashboards.view' },
  { path: '/devices', label: 'Devices', permission: 'devices.view' },
  { path: '/groups', label: 'Device groups', permission: 'deviceGroups.view' },
  { path: '/jobs', label: 'Jobs', permission: 'jobs.view' },
  { path: '/rules', label: 'Rules', permission: 'rules.view' },
  { path: '/templates', label: 'Device templates', permission: 'deviceTemplates.view' },
  { path: '/exports', label: 'Data export', permission: 'dataExport.view' },
  { path: '/users', label: 'Users', permission: 'users.view' },
  { path: '/roles', label: 'Roles', permission: 'customRoles.view' },
  { path: '/tokens', label: 'API tokens', permission: 'apiTokens.view' },
  { path: '/audit', label: 'Audit log', permission: 'auditLog.view' },
  { path: '/settings/file-uploads', label: 'File uploads', permission: 'deviceFileUpload.view' },
];

type Theme = 'light' | 'dark';
function initialTheme(): Theme {
  const saved = document.documentElement.dataset.theme as Theme | undefined;
  return saved ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

export function App() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const path = usePath();

  const refresh = () => {
    setError(null);
    loadMe().then(setMe, setError);
  };
  useEffect(refresh, []);
  useEffect(() => onUnauthorized(() => setMe(null)), []);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem('oc-theme', theme);
    } catch {
      /* private mode */
    }
  }, [theme]);

  const session = useMemo<Session | null>(() => me ? {
    me,
    can: (p) => can(me, p),
    signOut: async () => {
      await signOut().catch(() => undefined);
      setMe(null);
      navigate('/signin', true);
    },
  } : null, [me]);

  const themeToggle = (
    <button type="button" class="ghost theme-toggle" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={'Switch to ' + (theme === 'dark' ? 'light' : 'dark') + ' theme'}>
      {theme === 'dark' ? '☀ Light' : '☾ Dark'}
    </button>
  );

  if (error) return <main class="center"><ErrorBanner error={error} onRetry={refresh} /></main>;
  if (me === undefined) return <main class="center"><Spinner /></main>;
  if (me === null || !session) {
    if (path !== '/signin') navigate('/signin', true);
    return (
      <>
        <SignIn onSignedIn={() => { loadMe().then((m) => { setMe(m); navigate('/', true); }, setError); }} themeToggle={themeToggle} />
        <Toasts />
      </>
    );
  }
  const items = NAV.filter((n) => session.can(n.permission) || (!!n.or && session.can(n.or)));
  if (path === '/' || path === '/signin') {
    navigate(items[0]?.path ?? '/devices', true);
    return null;
  }
  const roles = me.roles.map((r) => roleName(r.role) + (r.organization ? ' (' + r.organization + ')' : '')).join(', ');
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="topbar">
        <a class="brand" href="/" onClick={linkClick}>
          <span class="logo" aria-hidden="true" />OpenCentral
        </a>
        <div class="spacer" />
        {themeToggle}
        <div class="who" data-testid="current-user">
          <span class="who-name">{me.email ?? me.id}</span>
          <span class="who-role">{roles || 'no role'}</span>
        </div>
        <button type="button" class="secondary" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      <div class="shell">
        <nav class="sidenav" aria-label="Main">
          <ul>
            {items.map((n) => (
              <li key={n.path}>
                <a href={n.path} onClick={linkClick} aria-current={path.startsWith(n.path) || (n.path === '/exports' && path.startsWith('/destinations')) ? 'page' : undefined}>
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1}>
          <Route path={path} />
        </main>
      </div>
      <Toasts />
    </SessionContext.Provider>
  );
}

function Route({ path }: { path: string }) {
  let m;
  if (path === '/dashboards') return <Dashboards />;
  if ((m = match('/dashboards/:id', path))) return <Dashboards id={m.id} />;
  if (path === '/explorer') return <Explorer />;
  if (path === '/settings/file-uploads') return <FileUploadSettings />;
  if (path === '/devices') return <DeviceList />;
  if ((m = match('/devices/:id', path))) return <DevicePage id={m.id} tab="overview" />;
  if ((m = match('/devices/:id/:tab', path))) return <DevicePage id={m.id} tab={m.tab} />;
  if (path === '/groups') return <Groups />;
  if ((m = match('/groups/:id', path))) return <GroupEditor id={m.id} />;
  if (path === '/jobs') return <Jobs />;
  if (path === '/jobs/new') return <NewJob />;
  if ((m = match('/jobs/:id', path))) return <JobPage id={m.id} />;
  if ((m = match('/jobs/:id/copy', path))) return <NewJob copy={m.id} />;
  if (path === '/rules') return <Rules />;
  if (path === '/rules/new') return <RuleEditor id="new" />;
  if ((m = match('/rules/:id', path))) return <RulePage id={m.id} />;
  if ((m = match('/rules/:id/edit', path))) return <RuleEditor id={m.id} />;
  if (path === '/exports') return <Exports />;
  if ((m = match('/exports/:id', path))) return <ExportEditor id={m.id} />;
  if (path === '/destinations') return <Destinations />;
  if ((m = match('/destinations/:id', path))) return <DestinationEditor id={m.id} />;
  if (path === '/templates') return <Templates />;
  if ((m = match('/templates/:id', path))) return <TemplatePage id={m.id} />;
  if (path === '/users') return <Users />;
  if (path === '/roles') return <Roles />;
  if (path === '/tokens') return <Tokens />;
  if (path === '/audit') return <Audit />;
  if (path === '/bench/chart') return <ChartBench />;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at {path}. <a href="/devices" onClick={linkClick}>Go to devices</a>.
      </p>
    </section>
  );
}
