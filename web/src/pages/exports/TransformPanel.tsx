import { useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { JsonView } from '../../ui/components';
import { tryTransform, TransformTrial } from './exportApi';

/**
 * "Try it" for one destination's transform: runs it on a sample message of the export's source (or
 * on a message pasted here) and shows the input and the outputs side by side. Changes nothing.
 */
export function TransformPanel({ n, source, transform }: { n: number; source: string; transform: string }) {
  const [message, setMessage] = useState('');
  const [trial, setTrial] = useState<TransformTrial | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = message.trim() ? JSON.parse(message) : undefined;
      setTrial(await tryTransform(source, transform.trim() || '.', input));
    } catch (e) {
      setTrial(null);
      setError(e instanceof ApiError ? e.detail : e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="card" data-testid={`transform-panel-${n}`}>
      <div class="field"><label for={`x-message-${n}`}>Input message {n} (optional; empty uses a sample of the source)</label>
        <textarea id={`x-message-${n}`} class="code-input" rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} /></div>
      <button type="button" class="secondary" onClick={run} disabled={busy}>{busy ? 'Running…' : `Run transform ${n}`}</button>
      {error && <div class="banner error" role="alert" data-testid="transform-error">{error}</div>}
      {trial && (
        <div class="grid-2">
          <div><h3>Input</h3><JsonView value={trial.input} /></div>
          <div data-testid="transform-outputs">
            <h3>Outputs ({trial.outputs.length})</h3>
            {trial.outputs.length === 0 ? <p class="muted">No output: nothing would be sent.</p> : <JsonView value={trial.outputs} />}
          </div>
        </div>
      )}
    </div>
  );
}
