import { useState } from 'preact/hooks';
import { api, CommandResult } from '../../api';
import { Badge, ErrorBanner, JsonView, Notice } from '../../ui/components';

/**
 * Runs a command. Until device templates exist there is no DTDL request schema to build a form
 * from, so the request is a JSON editor (validated before sending).
 */
export function CommandsTab({ deviceId, canRun, connected }: { deviceId: string; canRun: boolean; connected?: boolean }) {
  const [name, setName] = useState('');
  const [component, setComponent] = useState('');
  const [request, setRequest] = useState('');
  const [responseTimeout, setResponseTimeout] = useState(30);
  const [connectionTimeout, setConnectionTimeout] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [result, setResult] = useState<CommandResult | null>(null);

  const run = async (e: Event) => {
    e.preventDefault();
    setJsonError(null);
    let payload: unknown = undefined;
    if (request.trim()) {
      try {
        payload = JSON.parse(request);
      } catch (err) {
        setJsonError('The request is not valid JSON: ' + (err as Error).message + '. Strings need double quotes, e.g. "hello".');
        return;
      }
    }
    setBusy(true);
    setError(null);
    setResult(null);
    const base = '/devices/' + encodeURIComponent(deviceId) + (component.trim() ? '/components/' + encodeURIComponent(component.trim()) : '');
    try {
      setResult(await api<CommandResult>('POST', `${base}/commands/${encodeURIComponent(name.trim())}`, {
        body: { ...(payload === undefined ? {} : { request: payload }), connectionTimeout, responseTimeout },
      }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!canRun) return <Notice>Your role cannot run commands on devices.</Notice>;
  return (
    <div class="grid-2">
      <form class="card" onSubmit={run} aria-labelledby="cmd-title">
        <h2 id="cmd-title">Run a command</h2>
        <Notice>No device template is assigned, so the command and its request are entered by hand; with a template this becomes a form generated from the command's schema.</Notice>
        {connected === false && <Notice kind="warn">The device is disconnected. Set a connection timeout to wait for it to connect.</Notice>}
        <div class="field"><label for="cmd-name">Command name</label><input id="cmd-name" required value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
        <div class="field"><label for="cmd-component">Component (optional)</label><input id="cmd-component" value={component} onInput={(e) => setComponent(e.currentTarget.value)} /></div>
        <div class="field">
          <label for="cmd-request">Request payload (JSON, optional)</label>
          <textarea id="cmd-request" class="mono" rows={6} value={request} onInput={(e) => setRequest(e.currentTarget.value)} aria-invalid={!!jsonError} aria-describedby="cmd-request-err" placeholder='{"delay": 5}' />
          {jsonError && <small id="cmd-request-err" class="error-text" role="alert">{jsonError}</small>}
        </div>
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
