import { useEffect } from 'preact/hooks';
import { DeviceTemplate } from '../../api';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Badge, Confirm, ErrorBanner, Spinner, relativeTime, toast, toastError } from '../../ui/components';
import { count } from '../../ui/format';
import { useConfirmedDelete } from '../useActions';
import { useList } from '../useList';
import { deleteRule, patchRule, Rule, RuleStatus, rulePath } from './ruleApi';

/** Reloads the list every 10 s while the page is shown (each rule carries its status). */
function useRefresh(reload: () => void) {
  useEffect(() => {
    const timer = setInterval(() => { if (document.visibilityState === 'visible') reload(); }, 10_000);
    return () => clearInterval(timer);
  }, []);
}

/** Rules with their template (and group), enabled toggle, state (devices firing) and last fire; delete with confirmation. */
export function Rules() {
  const session = useSession();
  const rules = useList<Rule>('/rules?maxpagesize=1000');
  const templates = useList<DeviceTemplate>(session.can('deviceTemplates.view') ? '/deviceTemplates?maxpagesize=100' : '');
  useRefresh(rules.reload);
  const { deleting, setDeleting, busy, confirm } = useConfirmedDelete<Rule>((r) => deleteRule(r.id), rules.reload,
    (r) => `Rule ${r.displayName} deleted.`);
  const templateName = (id: string) => templates.items?.find((t) => t['@id'] === id)?.displayName ?? id;
  const toggle = async (r: Rule) => {
    try {
      await patchRule(r.id, { enabled: !r.enabled });
      toast(`Rule ${r.displayName} ${r.enabled ? 'disabled' : 'enabled'}.`);
      rules.reload();
    } catch (e) {
      toastError(e);
    }
  };
  const canUpdate = session.can('rules.update');
  const canDelete = session.can('rules.delete');
  return (
    <section aria-labelledby="rules-title">
      <div class="page-head">
        <h1 id="rules-title">Rules</h1>
        <div class="spacer" />
        {session.can('rules.create') && <a class="button primary" href="/rules/new" onClick={linkClick}>+ New rule</a>}
      </div>
      <ErrorBanner error={rules.error} onRetry={rules.reload} />
      {!rules.items && !rules.error && <Spinner />}
      {rules.items && (
        <table class="table" aria-label="Rules">
          <thead><tr><th scope="col">Name</th><th scope="col">Template</th><th scope="col">Enabled</th><th scope="col">State</th><th scope="col">Last fired</th>{canDelete && <th scope="col"><span class="sr-only">Delete</span></th>}</tr></thead>
          <tbody>
            {rules.items.length === 0 && <tr><td colSpan={6} class="muted">No rules yet.</td></tr>}
            {rules.items.map((r) => (
              <tr key={r.id}>
                <td><a href={rulePath(r.id)} onClick={linkClick}>{r.displayName}</a></td>
                <td>{templateName(r.template)}{r.group && <span class="muted"> · group {r.group}</span>}</td>
                <td><input type="checkbox" class="switch" role="switch" checked={r.enabled} disabled={!canUpdate} onChange={() => toggle(r)} aria-label={'Enabled: ' + r.displayName} /></td>
                <td><StateCell status={r.status} /></td>
                <td>{relativeTime(r.status?.lastFired)}</td>
                {canDelete && <td><button type="button" class="secondary" onClick={() => setDeleting(r)} aria-label={'Delete ' + r.displayName}>Delete</button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Confirm open={!!deleting} title="Delete rule" action="Delete" busy={busy} onConfirm={confirm} onCancel={() => setDeleting(null)}
        body={<p>Delete the rule <strong>{deleting?.displayName}</strong> and its history? This cannot be undone.</p>} />
    </section>
  );
}

/** "ok" or "N devices firing", from the status the server keeps. */
export function StateCell({ status }: { status: RuleStatus | undefined }) {
  if (!status) return <span class="muted">…</span>;
  return (
    <span data-testid="rule-state">
      {status.firing > 0 ? <Badge kind="bad">{count(status.firing, 'device') + ' firing'}</Badge> : <Badge kind="ok">ok</Badge>}
    </span>
  );
}
