import { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error shown in plain language, with the request id to quote when the server gave one. */
export function ErrorBanner({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div class="banner error" role="alert">
      <strong>Something went wrong.</strong> <span>{message}</span>
      {requestId && <span class="muted"> (request id {requestId})</span>}
      {onRetry && (
        <button type="button" class="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'warn' }) {
  return (
    <div class={'banner ' + kind} role="note">
      {children}
    </div>
  );
}

// Toasts: short confirmations and failures of actions, announced to screen readers.
type Toast = { id: number; text: string; kind: 'ok' | 'error' };
const toastListeners = new Set<(t: Toast[]) => void>();
let toasts: Toast[] = [];
let nextToast = 1;

export function toast(text: string, kind: 'ok' | 'error' = 'ok') {
  const t = { id: nextToast++, text, kind };
  toasts = [...toasts, t];
  toastListeners.forEach((l) => l(toasts));
  setTimeout(() => {
    toasts = toasts.filter((x) => x.id !== t.id);
    toastListeners.forEach((l) => l(toasts));
  }, kind === 'error' ? 9000 : 4000);
}

export function toastError(e: unknown) {
  toast(e instanceof Error ? e.message : String(e), 'error');
}

export function Toasts() {
  const [list, setList] = useState<Toast[]>(toasts);
  useEffect(() => {
    toastListeners.add(setList);
    return () => {
      toastListeners.delete(setList);
    };
  }, []);
  return (
    <div class="toasts" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} class={'toast ' + t.kind} role={t.kind === 'error' ? 'alert' : 'status'}>
          {t.text}
        </div>
      ))}
    </div>
  );
}

/** A read-only value with a copy button (connection strings, keys, tokens). */
export function CopyField({ label, value, secret = false }: { label: string; value: string; secret?: boolean }) {
  const [copied, setCopied] = useState(false);
  const [shown, setShown] = useState(!secret);
  const id = 'copy-' + label.replace(/\W+/g, '-').toLowerCase();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const input = document.getElementById(id) as HTMLInputElement;
      input.type = 'text';
      input.select();
      document.execCommand('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div class="field copy-field">
      <label for={id}>{label}</label>
      <div class="copy-row">
        <input id={id} class="mono" readOnly type={(shown ? 'text' : 'password') as 'text'} value={value} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        {secret && (
          <button type="button" class="secondary" onClick={() => setShown(!shown)} aria-label={(shown ? 'Hide ' : 'Show ') + label}>
            {shown ? 'Hide' : 'Show'}
          </button>
        )}
        <button type="button" class="secondary" onClick={copy} aria-label={'Copy ' + label}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

/** A modal dialog on the native <dialog> element (focus trap, Escape to close). */
export function Dialog({ title, open, onClose, children, wide = false }: {
  title: string;
  open: boolean;
  onClose: () => void;
  children: ComponentChildren;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current!;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} class={wide ? 'wide' : ''} aria-labelledby={'dlg-' + title} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <h2 id={'dlg-' + title}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}

export function Confirm({ open, title, body, action, danger = true, busy, onConfirm, onCancel }: {
  open: boolean;
  title: string;
  body: ComponentChildren;
  action: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog title={title} open={open} onClose={onCancel}>
      <div class="dialog-body">{body}</div>
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class={danger ? 'danger' : 'primary'} onClick={onConfirm} disabled={busy}>
          {busy ? 'Working…' : action}
        </button>
      </div>
    </Dialog>
  );
}

export function Badge({ kind, children }: { kind: 'ok' | 'warn' | 'bad' | 'neutral' | 'info'; children: ComponentChildren }) {
  return <span class={'badge ' + kind}>{children}</span>;
}

/** JSON, pretty-printed in a scrollable box that the keyboard can reach (and scroll). */
export function JsonView({ value }: { value: unknown }) {
  return <pre class="json" tabIndex={0}>{value === undefined ? '—' : JSON.stringify(value, null, 2)}</pre>;
}

export function relativeTime(iso?: string): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const s = Math.round((Date.now() - t) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return s + ' s ago';
  if (s < 3600) return Math.round(s / 60) + ' min ago';
  if (s < 86400) return Math.round(s / 3600) + ' h ago';
  return new Date(t).toLocaleString();
}
