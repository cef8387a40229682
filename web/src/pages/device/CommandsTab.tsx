import { useState } from 'preact/hooks';
import { api, CommandResult } from '../../api';
import { Badge, ErrorBanner, JsonView, Notice } from '../../ui/components';
import { capabilities, Capability } from './model';
import { FormValues, RequestInputs, requestFields, requestValue } from './RequestForm';

/** Runs a device's command (`component` '' for the default one) with the request `p` holds, if any; the device's answer. */
export function runCommand(deviceId: string, component: string, name: string, p: { value?: unknown },
  timeouts: { connectionTimeout: number; responseTimeout: number }): Promise<CommandResult> {
  const base = '/devices/' + encodeURIComponent(deviceId) + (component ? '/components/' + encodeURIComponent(component) : '');
  return api<CommandResult>('POST', `${base}/commands/${encodeURIComponent(name)}`, {
    body: { ...('value' in p ? { request: p.value } : {}), ...timeouts },
  });
}

/**
 * Runs a command. With a device template the commands are chosen from the model and the request is
 * a form generated from the command's request schema; without one, the command name and a JSON
 * request are typed by hand (validated before sending).
 */
export function CommandsTab({ deviceId, canRun, connected, model }: { deviceId: string; canRun: boolean; connected?: boolean; model: any | null }) {
  const commands = model ? capabilities(model, 'Command') : [];
  const [chosen, setChosen] = useState(0);
  const [name, setName] = useState('');
  const [component, setComponent] = useState('');
  const [request, setRequest] = useState('');
  const [values, setValues] = useState<FormValues>({});
  const [responseTimeout, setResponseTimeout] = useState(30);
  const [connectionTimeout, setConnectionTimeout] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [result, setResult] = useState<CommandResult | null>(null);
  const command: Capability | undefined = commands[chosen];
  const fields = command ? requestFields(command.element.request) : null;

  /** The request payload: from the generated inputs, else the JSON text; a string is an input error. */
  const payload = (): { value?: unknown } | string => {
    if (!command && !name.trim()) return 'Enter the name of the command.';
    return requestValue(fields, values, request);
  };

  const run = async (e: Event) => {
    e.preventDefault();
    const p = payload();
    setInputError(typeof p === 'string' ? p : null);
    if (typeof p === 'string') return;
    setBusy(true);
    setError(null);
    setResult(null);
    const cmd = command ? command.name : name.trim();
    const comp = command ? command.component : component.trim();
    try {
      setResult(await runCommand(deviceId, comp, cmd, p, { connectionTimeout, responseTimeout }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!canRun) return <Notice>Your role cannot run commands on devices.</Notice>;
  if (model && commands.length === 0) return <Notice>The device's template has no commands.</Notice>;
  return (
    <div class="grid-2">
      <form class="card" onSubmit={run} aria-labelledby="cmd-title" noValidate>
        <h2 id="cmd-title">Run a command</h2>
        {!model && <Notice>No device template is assigned, so the command and its request are entered by hand; with a template this becomes a form generated from the command's schema.</Notice>}
        {connected === false && <Notice kind="warn">The device is disconnected. Set a connection timeout to wait for it to connect.</Notice>}
        {command ? (
          <>
            <div class="field"><label for="cmd-choice">Command</label>
              <select id="cmd-choice" value={chosen} onChange={(e) => { setChosen(Number(e.currentTarget.value)); setValues({}); setRequest(''); setInputError(null); setError(null); setResult(null); }}>
                {commands.map((c, i) => <option key={i} value={i}>{(c.component ? c.component + ' / ' : '') + c.displayName}</option>)}
              </select>
            </div>
            {fields && <RequestInputs key={chosen} idPrefix="cmd-field-" fields={fields} values={values} onChange={setValues} />}
            {fields?.length === 0 && <p class="muted small">This command takes no request.</p>}
          </>
        ) : (
          <>
            <div class="field"><label for="cmd-name">Command name</label><input id="cmd-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
            <div class="field"><label for="cmd-component">Component (optional)</label><input id="cmd-component" value={component} onInput={(e) => setComponent(e.currentTarget.value)} /></div>
          </>
        )}
        {!fields && (
          <div class="field">
            <label for="cmd-request">Request payload (JSON{command ? '' : ', optional'})</label>
            <textarea id="cmd-request" class="mono" rows={6} value={request} onInput={(e) => setRequest(e.currentTarget.value)} aria-invalid={!!inputError} placeholder='{"delay": 5}' />
          </div>
        )}
        {inputError && <p class="error-text" role="alert">{inputError}</p>}
        <div class="form-row">
          <div class="field inline"><label for="cmd-ct">Connection timeout (s)</label><input id="cmd-ct" type="number" min={0} max={30} value={connectionTimeout} onInput={(e) => setConnectionTimeout(Number(e.currentTarget.value))} /></div>
          <div class="field inline"><label for="cmd-rt">Response timeout (s)</label><input id="cmd-rt" type="number" min={5} max={30} value={responseTimeout} onInput={(e) => setResponseTimeout(Number(e.currentTarget.value))} /></div>
        </div>
        <div class="actions left"><button class="primary" type="submit" disabled={busy}>{busy ? 'Waiting for the device…' : 'Run'}</button></div>
      </form>
      <div class="card" aria-live="polite">
        <h2>Response</h2>
        <ErrorBanner error={error} />
        {!result && !error && <p class="muted">{busy ? 'Waiting for the device to answer…' : 'Run a command to see the device\'s answer here.'}</p>}
        {result && (
          <div data-testid="command-response">
            <p>
              Status <Badge kind={result.responseCode >= 200 && result.responseCode < 300 ? 'ok' : 'bad'}>{result.responseCode}</Badge>
            </p>
            <JsonView value={result.response} />
          </div>
        )}
        <p class="muted small">Command history is not recorded by the server yet.</p>
      </div>
    </div>
  );
}
