import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Badge, ErrorBanner, Spinner } from '../../ui/components';
import { describe } from './conditions';
import { ReplayPanel } from './ReplayPanel';
import { RuleHistory } from './RuleHistory';
import { Rule, rulePath } from './ruleApi';
import { StateCell } from './Rules';

/** One rule: what it watches and does, its status (the rule is read again every 5 s; the history reloads when the status changes) and a replay. */
export function RulePage({ id }: { id: string }) {
  const session = useSession();
  const [rule, setRule] = useState<Rule | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    const load = () => get<Rule>(rulePath(id), abort.signal).then((r) => { setRule(r); setError(null); },
      (e) => { if (!abort.signal.aborted) setError(e); });
    load();
    const timer = setInterval(load, 5000);
    return () => { abort.abort(); clearInterval(timer); };
  }, [id]);
  const back = <p><a href="/rules" onClick={linkClick}>← Rules</a></p>;
  if (error) return <section>{back}<ErrorBanner error={error} /></section>;
  if (!rule) return <section>{back}<Spinner label="Loading rule…" /></section>;
  return (
    <section aria-labelledby="rule-title">
      {back}
      <div class="page-head">
        <h1 id="rule-title">{rule.displayName}</h1>
        <Badge kind={rule.enabled ? 'ok' : 'neutral'}>{rule.enabled ? 'enabled' : 'disabled'}</Badge>
        <StateCell status={rule.status} />
        <div class="spacer" />
        {session.can('rules.update') && <a class="button secondary" href={rulePath(id) + '/edit'} onClick={linkClick}>Edit</a>}
      </div>
      <dl class="facts">
        <dt>Template</dt><dd class="mono">{rule.template}{rule.group && ' · group ' + rule.group}</dd>
        <dt>When {rule.conditions.match === 'all' ? 'all hold' : 'any holds'}</dt>
        <dd>{rule.conditions.items.map(describe).join(rule.conditions.match === 'all' ? ' and ' : ' or ')}{rule.window && ` (per ${rule.window} window)`}</dd>
        <dt>Resolves after</dt><dd>{rule.resolveAfter ?? 'PT0S'} without the conditions{rule.renotify && `; notifies again every ${rule.renotify}`}</dd>
        <dt>Actions</dt><dd>{rule.actions.length ? rule.actions.map((a) => a.type + ('url' in a ? ' ' + a.url : 'to' in a ? ' to ' + a.to.join(', ') : '')).join('; ') : 'none'}</dd>
      </dl>
      <RuleHistory ruleId={id} version={(rule.status?.lastFired ?? '') + ' ' + (rule.status?.firing ?? 0)} />
      <ReplayPanel rule={rule} />
    </section>
  );
}
