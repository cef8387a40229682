import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api';
import { linkClick } from '../../router';
import { useSession } from '../../session';
import { Badge, ErrorBanner, Spinner } from '../../ui/components';
import { describe } from './conditions';
import { ReplayPanel } from './ReplayPanel';
import { RuleHistory } from './RuleHistory';
import { loadState, Rule, rulePath, RuleState } from './ruleApi';
import { StateCell } from './Rules';

/** One rule: what it watches and does, its state (every 5 s; the history reloads when it changes) and a replay. */
export function RulePage({ id }: { id: string }) {
  const session = useSession();
  const [rule, setRule] = useState<Rule | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<RuleState | Error | undefined>();
  useEffect(() => {
    get<Rule>(rulePath(id)).then(setRule, setError);
  }, [id]);
  useEffect(() => {
    const abort = new AbortController();
    const load = () => loadState(id, abort.signal).then(setState, (e) => { if (!abort.signal.aborted) setState(e); });
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
        <StateCell state={state} />
        <div class="spacer" />
        {session.can('rules.update') && <a class="button secondary" href={rulePath(id) + '/edit'} onClick={linkClick}>Edit</a>}
      </div>
      <dl class="facts">
        <dt>Template</dt><dd class="mono">{rule.template}{rule.group && ' · group ' + rule.group}</dd>
        <dt>When {rule.conditions.match === 'all' ? 'all hold' : 'any holds'}</dt>
        <dd>{rule.conditions.items.map(describe).join(rule.conditions.match === 'all' ? ' and ' : ' or ')}{rule.window && ` (per ${rule.window} window)`}</dd>
        <dt>Resolves after</dt><dd>{rule.resolveAfter ?? 'PT0S'} without the conditions{rule.renotify && `; notifies again every ${rule.renotify}`}</dd>
        <dt>Actions</dt><dd>{rule.actions.length ? rule.actions.map((a) => a.type + ('url' in a ? ' ' + a.url : 'to' in a ? ' to ' + a.to.join(', ') : '')).join('; ') : 'none'}</dd>
        {state && !(state instanceof Error) && state.firing.length > 0 && <><dt>Firing for</dt><dd>{state.firing.join(', ')}</dd></>}
      </dl>
      <RuleHistory ruleId={id} version={state && !(state instanceof Error) ? state.lastFired + ' ' + state.firing.join(',') : ''} />
      <ReplayPanel rule={rule} />
    </section>
  );
}
