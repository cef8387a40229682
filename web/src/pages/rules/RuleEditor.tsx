import { useEffect, useState } from 'preact/hooks';
import { DeviceTemplate, get } from '../../api';
import { linkClick, navigate } from '../../router';
import { useSession } from '../../session';
import { ErrorBanner, Spinner, toast } from '../../ui/components';
import { useTemplateModel } from '../device/model';
import { DeviceGroup } from '../groups/groupApi';
import { useList } from '../useList';
import { actionOf, draftActionOf, DraftAction } from './actions';
import { ActionFields } from './ActionFields';
import { choices, draftOf, DraftItem, itemOf, NEW_ITEM } from './conditions';
import { ConditionFields } from './ConditionFields';
import { locate, Located, patchRule, Rule, RuleBody, ruleIdFrom, rulePath, saveRule } from './ruleApi';
import { draftTimingOf, TimingFields, timingOf } from './TimingFields';

const NEW_RULE: Rule = {
  id: '', displayName: '', enabled: true, template: '', conditions: { match: 'all', items: [] }, actions: [],
};

/** Creates (id "new") or edits a rule. */
export function RuleEditor({ id }: { id: string }) {
  const creating = id === 'new';
  const [rule, setRule] = useState<Rule | null>(creating ? NEW_RULE : null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!creating) get<Rule>(rulePath(id)).then(setRule, setError);
  }, [id]);
  const back = <p><a href={creating ? '/rules' : rulePath(id)} onClick={linkClick}>← {creating ? 'Rules' : 'Rule'}</a></p>;
  if (error) return <section>{back}<ErrorBanner error={error} /></section>;
  if (!rule) return <section>{back}<Spinner label="Loading rule…" /></section>;
  return <section aria-labelledby="rule-editor-title">{back}<Editor initial={rule} creating={creating} /></section>;
}

/** Each part of the form's rule, built into the JSON; a part that does not fit is named in the problems. */
function build(draft: { name: string; enabled: boolean; template: string; group: string; filter: string; match: 'all' | 'any'; items: DraftItem[]; actions: DraftAction[] },
  timing: ReturnType<typeof draftTimingOf>, model: any | null): { body?: RuleBody; problems: Located } {
  const problems: Located = { conditions: {}, actions: {} };
  const aggregated = timing.window > 0;
  const items = draft.items.map((d, i) => {
    try {
      return itemOf(d, choices(model, d.kind).find((c) => c.key === d.capability), aggregated);
    } catch (e) {
      problems.conditions[i] = `conditions.items[${i}]: ${(e as Error).message}`;
      return undefined;
    }
  });
  const actions = draft.actions.map((d, i) => {
    try {
      return actionOf(d);
    } catch (e) {
      problems.actions[i] = `actions[${i}]: ${(e as Error).message}`;
      return undefined;
    }
  });
  if (Object.keys(problems.conditions).length || Object.keys(problems.actions).length) return { problems };
  return {
    problems,
    body: {
      displayName: draft.name.trim(), enabled: draft.enabled, template: draft.template, ...(draft.group ? { group: draft.group } : {}),
      ...(draft.filter.trim() ? { filter: draft.filter.trim() } : {}),
      conditions: { match: draft.match, items: items as RuleBody['conditions']['items'] }, ...timingOf(timing), actions: actions as RuleBody['actions'],
    },
  };
}

function Editor({ initial, creating }: { initial: Rule; creating: boolean }) {
  const session = useSession();
  const [name, setName] = useState(initial.displayName);
  const [enabled, setEnabled] = useState(initial.enabled);
  const [template, setTemplate] = useState(initial.template);
  const [group, setGroup] = useState(initial.group ?? '');
  const [filter, setFilter] = useState(initial.filter ?? '');
  const [match, setMatch] = useState(initial.conditions.match);
  const [items, setItems] = useState<DraftItem[]>(initial.conditions.items.length ? initial.conditions.items.map(draftOf) : [NEW_ITEM]);
  const initialActions = initial.actions.map(draftActionOf);
  const [actions, setActions] = useState<DraftAction[]>(initialActions);
  const [timing, setTiming] = useState(() => draftTimingOf(initial));
  const [problems, setProblems] = useState<Located>({ conditions: {}, actions: {} });
  const [busy, setBusy] = useState(false);
  const templates = useList<DeviceTemplate>('/deviceTemplates?maxpagesize=100');
  const groups = useList<DeviceGroup>(session.can('deviceGroups.view') ? '/deviceGroups' : '');
  const { model, error: modelError } = useTemplateModel(template || undefined);
  const actionsChanged = JSON.stringify(actions) !== JSON.stringify(initialActions);

  const submit = async (e: Event) => {
    e.preventDefault();
    const built = build({ name, enabled, template, group, filter, match, items, actions }, timing, model);
    setProblems(built.problems);
    if (!built.body) return;
    setBusy(true);
    try {
      const ruleId = creating ? ruleIdFrom(name) : initial.id;
      const body = built.body;
      // An edit is a merge patch: what the form removed is null; unchanged actions are left out, which keeps webhook secrets.
      const saved = creating ? await saveRule(ruleId, body)
        : await patchRule(ruleId, { group: null, filter: null, window: null, renotify: null, ...body, ...(actionsChanged ? {} : { actions: undefined }) });
      toast(`Rule ${saved.displayName} saved.`);
      navigate(rulePath(saved.id));
    } catch (err) {
      setProblems(locate(err));
    } finally {
      setBusy(false);
    }
  };
  const canSave = session.can(creating ? 'rules.create' : 'rules.update');
  return (
    <>
      <h1 id="rule-editor-title">{creating ? 'New rule' : 'Edit ' + initial.displayName}</h1>
      <form class="card rule-form" onSubmit={submit}>
        <div class="form-row">
          <div class="field"><label for="rule-name">Name</label>
            <input id="rule-name" required maxLength={200} value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
          <label class="check"><input type="checkbox" checked={enabled} onChange={() => setEnabled(!enabled)} /> Enabled</label>
        </div>
        <ScopeFields template={template} group={group} filter={filter} filterProblem={problems.filter}
          templates={templates.items ?? []} groups={groups.items ?? []} error={templates.error ?? modelError}
          onTemplate={(t) => { setTemplate(t); setItems([NEW_ITEM]); }} onGroup={setGroup} onFilter={setFilter} />
        <ConditionFields model={model} items={items} match={match} aggregated={timing.window > 0} problems={problems.conditions}
          onChange={(next, m) => { setItems(next); setMatch(m); }} />
        <TimingFields timing={timing} onChange={setTiming} />
        <ActionFields model={model} actions={actions} saved={creating ? undefined : initial} changed={actionsChanged}
          problems={problems.actions} onChange={setActions} />
        {problems.rule && <div class="banner error" role="alert">{problems.rule}</div>}
        <div class="actions left">
          {canSave && <button class="primary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save rule'}</button>}
          <a class="button secondary" href={creating ? '/rules' : rulePath(initial.id)} onClick={linkClick}>Cancel</a>
        </div>
      </form>
    </>
  );
}

/**
 * The template a rule watches and, optionally, a device group of it (groups naming another template are left out)
 * and a filter on the devices' properties; the server's refusal of the filter is shown under it.
 */
function ScopeFields({ template, group, filter, filterProblem, templates, groups, error, onTemplate, onGroup, onFilter }: {
  template: string; group: string; filter: string; filterProblem?: string; templates: DeviceTemplate[]; groups: DeviceGroup[];
  error: unknown; onTemplate: (t: string) => void; onGroup: (g: string) => void; onFilter: (f: string) => void;
}) {
  const shown = groups.filter((g) => !template || !g.filter?.includes('$template') || g.filter.includes(template));
  return (
    <fieldset class="rule-section">
      <legend>Scope</legend>
      <div class="form-row">
        <div class="field"><label for="rule-template">Device template</label>
          <select id="rule-template" required value={template} onChange={(e) => onTemplate(e.currentTarget.value)}>
            <option value="">Choose a template</option>
            {templates.map((t) => <option key={t['@id']} value={t['@id']}>{t.displayName} ({t['@id']})</option>)}
          </select></div>
        <div class="field"><label for="rule-group">Device group (optional)</label>
          <select id="rule-group" value={group} onChange={(e) => onGroup(e.currentTarget.value)}>
            <option value="">Every device of the template</option>
            {shown.map((g) => <option key={g.id} value={g.id}>{g.displayName}</option>)}
          </select></div>
      </div>
      <div class="field"><label for="rule-filter">Device filter (optional)</label>
        <input id="rule-filter" value={filter} placeholder="SELECT * FROM devices WHERE site = 'north'"
          aria-describedby={filterProblem ? 'rule-filter-problem' : undefined} aria-invalid={filterProblem ? true : undefined}
          onInput={(e) => onFilter(e.currentTarget.value)} />
        {filterProblem && <div id="rule-filter-problem" class="banner error" role="alert">{filterProblem}</div>}</div>
      <ErrorBanner error={error} />
    </fieldset>
  );
}
