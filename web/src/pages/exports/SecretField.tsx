import { useState } from 'preact/hooks';

/** How the server answers a stored secret; sending it back keeps the secret. */
export const MASK = '********';

/**
 * A write-only secret of a destination: the stored value is never shown, only whether one is set.
 * Typing replaces it; leaving the field empty keeps what is stored (the mask is sent back), or
 * sends nothing when none is.
 */
export function SecretField({ id, label, value, required, hint, onChange }: {
  id: string; label: string; value: unknown; required?: boolean; hint?: string;
  onChange: (value: string | undefined) => void;
}) {
  const [stored] = useState(value === MASK);
  const typed = typeof value === 'string' && value !== MASK ? value : '';
  return (
    <div class="field"><label for={id}>{label}</label>
      <input id={id} type="password" autoComplete="new-password" value={typed} required={required && !stored}
        aria-describedby={`${id}-state`}
        onInput={(e) => {
          const next = e.currentTarget.value;
          onChange(next ? next : stored ? MASK : undefined);
        }} />
      <small id={`${id}-state`}>{stored ? 'Set: leave empty to keep it.' : 'Not set.'}{hint ? ' ' + hint : ''}</small></div>
  );
}
