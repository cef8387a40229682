import { linkClick } from '../../router';

/** The two lists of data export: exports and destinations. */
export function ExportTabs({ current }: { current: 'exports' | 'destinations' }) {
  return (
    <nav class="tabs" aria-label="Data export">
      <a href="/exports" onClick={linkClick} aria-current={current === 'exports' ? 'page' : undefined}>Exports</a>
      <a href="/destinations" onClick={linkClick} aria-current={current === 'destinations' ? 'page' : undefined}>Destinations</a>
    </nav>
  );
}
