import { useRef, useState } from 'preact/hooks';
import { api, ApiError, DeviceTemplate, ErrorDetail } from '../../api';
import { Badge, toast } from '../../ui/components';
import { pointerLines } from '../jsonLocate';
import { count } from '../../ui/format';
import { text, tplPath } from './model';

interface Envelope {
  id: string;
  body: any;
  /** Prefix to strip from error pointers to reach the pasted text (a bare interface was wrapped). */
  strip: string;
}

/** Accepts a full DeviceTemplate envelope or a bare DTDL interface (wrapped into the envelope). */
function toEnvelope(json: any, displayName: string): Envelope {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('The model must be a JSON object: a DTDL Interface or a device template.');
  if (json.capabilityModel) {
    const id = json['@id'] ?? json.capabilityModel['@id'];
    if (typeof id !== 'string') throw new Error('The template has no "@id". Give it a DTMI such as "dtmi:com:example:Thermostat;1".');
    const body = { '@type': ['ModelDefinition', 'DeviceModel'], ...json };
    if (displayName) body.displayName = displayName;
    if (!body.displayName) body.displayName = text(json.capabilityModel.displayName) || id;
    return { id, body, strip: '' };
  }
  const id = json['@id'];
  if (typeof id !== 'string') throw new Error('The interface has no "@id". Give it a DTMI such as "dtmi:com:example:Thermostat;1".');
  const body = {
    '@type': ['ModelDefinition', 'DeviceModel'],
    displayName: displayName || text(json.displayName) || id,
    capabilityModel: json,
  };
  return { id, body, strip: '/capabilityModel' };
}

/** A problem the server found (at its pointer), or a JSON syntax error found here (at its line). */
interface Problem extends Omit<ErrorDetail, 'pointer'> {
  pointer?: string;
  line?: number;
}

/**
 * The next version of a published template as JSON to edit: the same envelope and model under the
 * next version of its ids (`…;1` → `…;2`), since a published version never changes.
 */
export function nextVersionOf(tpl: DeviceTemplate): string {
  const model = { ...tpl.capabilityModel };
  if (typeof model['@id'] === 'string') model['@id'] = nextVersion(model['@id']);
  const body = { '@id': nextVersion(tpl['@id']), '@type': tpl['@type'], displayName: tpl.displayName,
    ...(tpl.description ? { description: tpl.description } : {}), capabilityModel: model };
  return JSON.stringify(body, null, 2);
}

/** Import (or, with `initial`, a new version of a template): publish a model with its problems shown in place. */
export function ImportTemplate({ onClose, initial }: { onClose: (published?: string) => void; initial?: string }) {
  const [source, setSource] = useState(initial ?? '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const area = useRef<HTMLTextAreaElement>(null);

  const readFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      setSource(await file.text());
      setProblems([]);
      setError(null);
    } catch {
      setError('The file could not be read.');
    }
  };

  const goToLine = (line?: number) => {
    const t = area.current;
    if (!t || !line) return;
    const lines = source.split('\n');
    let start = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) start += lines[i].length + 1;
    const end = start + (lines[line - 1]?.length ?? 0);
    t.focus();
    t.setSelectionRange(start, end);
    const lineHeight = t.scrollHeight / Math.max(lines.length, 1);
    t.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setProblems([]);
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (err) {
      const message = String((err as Error).message);
      const m = /position (\d+)/.exec(message);
      const l = /line (\d+)/.exec(message);
      const line = l ? Number(l[1]) : m ? source.slice(0, Number(m[1])).split('\n').length : undefined;
      setError('This is not valid JSON' + (line ? ` (line ${line})` : '') + ': ' + (err as Error).message);
      if (line) setProblems([{ code: 'JSON_SYNTAX', message: (err as Error).message, line }]);
      return;
    }
    let env: Envelope;
    try {
      env = toEnvelope(json, name.trim());
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setBusy(true);
    try {
      const saved = await api<DeviceTemplate>('PUT', tplPath(env.id), { body: env.body });
      toast(`Template ${saved.displayName} published.`);
      onClose(saved['@id']);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(`A different model is already published as ${env.id}. A published version cannot change — give the new version a new id (for example ${nextVersion(env.id)}).`);
      } else if (err instanceof ApiError && err.details.length) {
        const lines = pointerLines(source);
        setError(`The model has ${count(err.details.length, 'problem')}. Fix ${err.details.length === 1 ? 'it' : 'them'} and publish again.`);
        setProblems(err.details.map((d) => {
          const local = d.pointer && env.strip && d.pointer.startsWith(env.strip) ? d.pointer.slice(env.strip.length) : d.pointer;
          return { ...d, pointer: local, line: local !== undefined ? nearestLine(lines, local) : undefined };
        }));
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  const badLines = new Set(problems.map((p) => p.line).filter(Boolean));
  return (
    <form class="card" onSubmit={submit} aria-labelledby="import-title">
      <h2 id="import-title">{initial ? 'Publish a new version' : 'Import a device template'}</h2>
      <p class="muted small">{initial
        ? 'A published version cannot change. Edit the model below (it already carries the next version\'s id) and publish it; devices move to it when you assign it.'
        : <>Upload a DTDL v2 interface (.json) or paste it below. A bare interface is wrapped into a device template; a full template (with <code>capabilityModel</code>) is published as is.</>}</p>
      <div class="form-row">
        <div class="field"><label for="tpl-file">DTDL file</label><input id="tpl-file" type="file" accept=".json,application/json" onChange={readFile} /></div>
        <div class="field"><label for="tpl-name">Template name</label><input id="tpl-name" value={name} placeholder="From the model's displayName" onInput={(e) => setName(e.currentTarget.value)} /></div>
      </div>
      <div class="field">
        <label for="tpl-json">Model JSON</label>
        <textarea id="tpl-json" ref={area} class="code-input" rows={14} spellcheck={false} value={source}
          aria-describedby={problems.length ? 'tpl-problems' : undefined} aria-invalid={problems.length ? true : undefined}
          onInput={(e) => { setSource(e.currentTarget.value); }} placeholder='{ "@id": "dtmi:com:example:Thermostat;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2", "contents": [ ... ] }' />
      </div>
      {error && <div class="banner error" role="alert">{error}</div>}
      {problems.length > 0 && (
        <>
          <ol id="tpl-problems" class="problems" aria-label="Model problems">
            {problems.map((p, i) => (
              <li key={i} data-testid="model-problem">
                <button type="button" class="link" onClick={() => goToLine(p.line)} title="Show in the model">
                  {p.line ? `Line ${p.line}` : 'Model'}{p.pointer !== undefined && p.pointer !== '' ? <> · <code>{p.pointer}</code></> : null}
                </button>{' '}
                <Badge kind="bad">{p.code ?? 'Error'}</Badge> {p.message}{p.document ? <span class="muted"> ({p.document})</span> : null}
              </li>
            ))}
          </ol>
          <pre class="json source-view" aria-label="Model with problems highlighted">
            {source.split('\n').map((l, i) => (
              <div key={i} class={badLines.has(i + 1) ? 'bad-line' : undefined} data-line={i + 1}>
                <span class="ln" aria-hidden="true">{i + 1}</span>{l || ' '}
              </div>
            ))}
          </pre>
        </>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={() => onClose()}>Cancel</button>
        <button type="submit" class="primary" disabled={busy || !source.trim()}>{busy ? 'Publishing…' : 'Publish'}</button>
      </div>
    </form>
  );
}

function nextVersion(id: string): string {
  const m = /^(.*);(\d+)$/.exec(id);
  return m ? `${m[1]};${Number(m[2]) + 1}` : id + ';2';
}

/** The line of the pointer's value, or of its nearest ancestor that exists in the text. */
function nearestLine(lines: Map<string, number>, pointer: string): number | undefined {
  let p = pointer;
  for (;;) {
    const l = lines.get(p);
    if (l !== undefined) return l;
    if (!p) return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

