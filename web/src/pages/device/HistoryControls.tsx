import { useState } from 'preact/hooks';
import type { Range } from './history';

/** `yyyy-MM-ddTHH:mm` in local time, as a datetime-local input shows it. */
function local(d: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** From–to inputs for a custom window (local time); the range is shown only when it is valid. */
export function CustomRange({ onShow }: { onShow: (r: Range) => void }) {
  const now = new Date();
  const [from, setFrom] = useState(local(new Date(now.getTime() - 3_600_000)));
  const [to, setTo] = useState(local(now));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    const range = { from: new Date(from), to: new Date(to) };
    if (isNaN(range.from.getTime()) || isNaN(range.to.getTime())) return setProblem('Enter both a start and an end.');
    if (range.from >= range.to) return setProblem('The start must be before the end.');
    setProblem(null);
    onShow(range);
  };
  return (
    <form class="toolbar" onSubmit={submit} aria-label="Custom time window">
      <div class="field inline"><label for="history-from">From</label><input id="history-from" type="datetime-local" value={from} onInput={(e) => setFrom(e.currentTarget.value)} required /></div>
      <div class="field inline"><label for="history-to">To</label><input id="history-to" type="datetime-local" value={to} onInput={(e) => setTo(e.currentTarget.value)} required /></div>
      <button type="submit" class="primary">Show</button>
      {problem && <span class="banner error" role="alert">{problem}</span>}
    </form>
  );
}

/** Adds a capability (`name`, `component/name` or a dotted member path) to the history charts. */
export function CapabilityAdder({ onAdd }: { onAdd: (name: string) => void }) {
  const [name, setName] = useState('');
  const submit = (e: Event) => {
    e.preventDefault();
    if (name.trim()) onAdd(name.trim());
    setName('');
  };
  return (
    <form class="toolbar" onSubmit={submit} aria-label="Add a capability">
      <div class="field inline"><label for="history-capability">Capability</label><input id="history-capability" placeholder="component/name or name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></div>
      <button type="submit" class="secondary">Add chart</button>
    </form>
  );
}
