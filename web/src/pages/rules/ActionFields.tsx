import { useEffect, useState } from 'preact/hooks';
import { ApiError, Collection, Device, deviceListPath, get, odataString } from '../../api';
import { capabilities, propertyKind } from '../device/model';
import { ACTION_TYPES, ActionType, DraftAction, NEW_ACTION } from './actions';
import { ActionTest, Rule, testAction } from './ruleApi';

const val = (e: Event) => (e.target as HTMLInputElement).value;

const DEVICE_ACTIONS = ['command', 'property', 'cloudProperty'];

/**
 * The devices a stored rule watches (its group's members of its template, else its template's
 * devices; the first 100), loaded only when one of its actions acts on a device.
 */
function useRuleDevices(saved: Rule | undefined): Device[] | Error | null {
  const [devices, setDevices] = useState<Device[] | Error | null>(null);
  const needed = !!saved?.actions.some((a) => DEVICE_ACTIONS.includes(a.type));
  useEffect(() => {
    setDevices(null);
    if (!saved || !needed) return;
    const abort = new AbortController();
    const path = saved.group ? '/deviceGroups/' + encodeURIComponent(saved.group) + '/devices?maxpagesize=100'
      : deviceListPath({ conditions: ['template eq ' + odataString(saved.template)], pageSize: 100 });
    get<Collection<Device>>(path, abort.signal).then(
      (page) => setDevices(page.value.filter((d) => d.template === saved.template)),
      (e) => { if (!abort.signal.aborted) setDevices(e instanceof Error ? e : new Error(String(e))); });
    return () => abort.abort();
  }, [saved?.id, saved?.template, saved?.group, needed]);
  return devices;
}

/**
 * The actions of a rule (at most 5), each with the server's problem next to it. `saved` is the
 * stored rule whose action a "Send test" runs; `changed` says the form differs from what is stored.
 */
export function ActionFields({ model, actions, saved, changed, problems, onChange }: {
  model: any | null; actions: DraftAction[]; saved?: Rule; changed: boolean; problems: Record<number, string>;
  onChange: (actions: DraftAction[]) => void;
}) {
  const set = (i: number, d: DraftAction) => onChange(actions.map((x, j) => (j === i ? d : x)));
  const devices = useRuleDevices(saved);
  const ruleId = saved?.id;
  return (
    <fieldset class="rule-section">
      <legend>Actions</legend>
      {actions.length === 0 && <p class="muted">No actions: the rule only records its fires and resolves.</p>}
      {ruleId && changed && <p class="muted small">"Send test" runs the saved actions: save to test your changes.</p>}
      {!ruleId && actions.length > 0 && <p class="muted small">Save the rule to send a test of an action.</p>}
      {actions.map((d, i) => (
        <fieldset key={i} class={'rule-item' + (problems[i] ? ' invalid' : '')}>
          <legend>Action {i + 1}</legend>
          <ActionRow id={'act-' + i} model={model} draft={d} changed={changed} onChange={(next) => set(i, next)} />
          <div class="form-row">
            {ruleId && <TestButton ruleId={ruleId} index={i} devices={DEVICE_ACTIONS.includes(saved?.actions[i]?.type ?? '') ? devices : undefined} />}
            <button type="button" class="secondary" onClick={() => onChange(actions.filter((_, j) => j !== i))} aria-label={`Remove action ${i + 1}`}>Remove</button>
          </div>
          {problems[i] && <div class="banner error" role="alert">{problems[i]}</div>}
        </fieldset>
      ))}
      {actions.length < 5 && <button type="button" class="secondary" onClick={() => onChange([...actions, NEW_ACTION])}>+ Add action</button>}
    </fieldset>
  );
}

function ActionRow({ id, model, draft: d, changed, onChange }: {
  id: string; model: any | null; draft: DraftAction; changed: boolean; onChange: (d: DraftAction) => void;
}) {
  const field = (name: keyof DraftAction, label: string, props: Record<string, unknown> = {}) => (
    <div class="field"><label for={id + '-' + name}>{label}</label>
      <input id={id + '-' + name} value={d[name] as string} onInput={(e) => onChange({ ...d, [name]: val(e) })} {...props} /></div>
  );
  return (
    <>
      <div class="form-row">
        <div class="field"><label for={id + '-type'}>Type</label>
          <select id={id + '-type'} value={d.type} onChange={(e) => onChange({ ...NEW_ACTION, type: val(e) as ActionType, on: d.on })}>
            {ACTION_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </select></div>
        <div class="field"><label for={id + '-on'}>Runs on</label>
          <select id={id + '-on'} value={d.on} onChange={(e) => onChange({ ...d, on: val(e) as DraftAction['on'] })}>
            <option value="fire">fire</option><option value="resolve">resolve</option>
          </select></div>
        {field('minInterval', 'At most once every (seconds)', { type: 'number', min: 0, placeholder: 'default' })}
      </div>
      {d.type === 'webhook' && (
        <>
          {field('url', 'URL', { type: 'url', required: true, placeholder: 'https://example.com/hook' })}
          <div class="field"><label for={id + '-headers'}>Headers (one "Name: value" a line)</label>
            <textarea id={id + '-headers'} rows={2} class="mono" value={d.headers} onInput={(e) => onChange({ ...d, headers: val(e) })} /></div>
          {field('secret', 'Signing secret (16 to 256 characters)', { type: 'password', autoComplete: 'new-password', minLength: 16, maxLength: 256,
            placeholder: d.signed ? 'kept unless the actions change' : 'optional' })}
          {d.signed && changed && !d.secret && <p class="muted small">Signed now: saving changed actions drops the secret unless it is entered again.</p>}
        </>
      )}
      {d.type === 'email' && field('to', 'To (addresses, separated by commas)', { required: true })}
      {(d.type === 'command' || d.type === 'property' || d.type === 'cloudProperty') && (
        <Target id={id} model={model} draft={d} onChange={onChange} />
      )}
    </>
  );
}

/** The command or property an action targets, from the template, and its JSON request or value. */
function Target({ id, model, draft: d, onChange }: { id: string; model: any | null; draft: DraftAction; onChange: (d: DraftAction) => void }) {
  const list = d.type === 'command' ? capabilities(model, 'Command')
    : capabilities(model, 'Property').filter((p) => propertyKind(p) === (d.type === 'property' ? 'writable' : 'cloud'));
  return (
    <div class="form-row">
      <div class="field"><label for={id + '-capability'}>{d.type === 'command' ? 'Command' : 'Property'}</label>
        <select id={id + '-capability'} required value={d.capability} onChange={(e) => onChange({ ...d, capability: val(e) })}>
          <option value="">Choose one</option>
          {list.map((c) => {
            const key = c.component && d.type !== 'cloudProperty' ? c.component + '/' + c.name : c.name;
            return <option key={key} value={key}>{c.displayName} ({key})</option>;
          })}
        </select></div>
      <div class="field"><label for={id + '-payload'}>{d.type === 'command' ? 'Request (JSON, optional)' : 'Value (JSON)'}</label>
        <textarea id={id + '-payload'} rows={2} class="mono" required={d.type !== 'command'} value={d.payload} onInput={(e) => onChange({ ...d, payload: val(e) })} /></div>
    </div>
  );
}

/**
 * Sends the stored action once now (POST …/actions/{index}/test) and shows what the server answered;
 * a device action (`devices` given) acts on the device chosen next to the button.
 */
function TestButton({ ruleId, index, devices }: { ruleId: string; index: number; devices?: Device[] | Error | null }) {
  const [busy, setBusy] = useState(false);
  const [device, setDevice] = useState('');
  const [result, setResult] = useState<ActionTest | ApiError | Error | null>(null);
  const options = Array.isArray(devices) ? devices : [];
  const chosen = device || options[0]?.id || '';
  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await testAction(ruleId, index, devices === undefined ? undefined : chosen || undefined));
    } catch (e) {
      setResult(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setBusy(false);
    }
  };
  const failed = result instanceof Error || result?.outcome === 'failed';
  const text = result instanceof Error ? 'The test could not run: ' + result.message
    : result ? (result.outcome === 'sent' ? 'Sent.' : 'Failed.') + (result.detail ? ' ' + result.detail : '') : '';
  return (
    <>
      {devices !== undefined && (
        <div class="field"><label for={`act-${index}-test-device`}>Test on device</label>
          <select id={`act-${index}-test-device`} value={chosen} onChange={(e) => setDevice(val(e))} disabled={!options.length}>
            {devices === null && <option value="">Loading devices…</option>}
            {devices instanceof Error && <option value="">Devices could not be loaded</option>}
            {Array.isArray(devices) && !options.length && <option value="">No device of the rule's template</option>}
            {options.map((d) => <option key={d.id} value={d.id}>{d.displayName} ({d.id})</option>)}
          </select></div>
      )}
      <button type="button" class="secondary" onClick={run} disabled={busy} aria-label={`Send test of action ${index + 1}`}>
        {busy ? 'Sending…' : 'Send test'}
      </button>
      {result && <span class={failed ? 'error-text' : 'muted'} role={failed ? 'alert' : 'status'} data-testid={'action-test-' + index}>{text}</span>}
    </>
  );
}
