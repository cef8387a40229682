import { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface Column<T> {
  key: string;
  label: string;
  width: string;
  render: (row: T) => ComponentChildren;
  /** Set when the column can be sorted by (the header becomes a button). */
  sortable?: boolean;
}

/** The table's current order, for `aria-sort` and the header arrows. */
export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/**
 * A table that renders only the rows in view (fixed row height), so 100,000 rows cost what 30 do.
 * `onNearEnd` asks for the next page when the user scrolls close to the last loaded row.
 * Keyboard: the scroller is focusable; arrows/PageUp/PageDown/Home/End scroll it.
 */
export function VirtualTable<T>({ rows, columns, rowKey, rowHeight = 40, height = 560, onNearEnd, label, selected, onToggle, onToggleAll, allSelected, sort, onSort }: {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowHeight?: number;
  height?: number;
  onNearEnd?: () => void;
  label: string;
  selected?: Set<string>;
  onToggle?: (key: string) => void;
  onToggleAll?: () => void;
  allSelected?: boolean;
  sort?: SortState;
  onSort?: (key: string) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const overscan = 8;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const template = (selected ? '44px ' : '') + columns.map((c) => c.width).join(' ');

  useEffect(() => {
    if (onNearEnd && last >= rows.length - 20) onNearEnd();
  }, [last, rows.length]);

  const visible = [];
  for (let i = first; i < last; i++) {
    const row = rows[i];
    const key = rowKey(row);
    visible.push(
      <div role="row" aria-rowindex={i + 2} class={'vrow' + (selected?.has(key) ? ' selected' : '')} key={key} style={{ top: i * rowHeight + 'px', height: rowHeight + 'px', gridTemplateColumns: template }}>
        {selected && (
          <div role="gridcell" class="cell check">
            <input type="checkbox" aria-label={'Select ' + key} checked={selected.has(key)} onChange={() => onToggle?.(key)} />
          </div>
        )}
        {columns.map((c) => (
          <div role="gridcell" class="cell" key={c.key}>
            {c.render(row)}
          </div>
        ))}
      </div>,
    );
  }
  return (
    <div class="vtable" role="grid" aria-label={label} aria-rowcount={rows.length + 1}>
      <div role="row" aria-rowindex={1} class="vhead" style={{ gridTemplateColumns: template }}>
        {selected && (
          <div role="columnheader" class="cell check">
            <input type="checkbox" aria-label="Select all loaded rows" checked={!!allSelected} onChange={() => onToggleAll?.()} />
          </div>
        )}
        {columns.map((c) => {
          const dir = sort?.key === c.key ? sort.dir : undefined;
          return (
            <div role="columnheader" class="cell" key={c.key} aria-sort={c.sortable ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined}>
              {c.sortable && onSort ? (
                <button type="button" class="link sort" onClick={() => onSort(c.key)} title={'Sort by ' + c.label}>
                  {c.label}
                  <span aria-hidden="true">{dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}</span>
                </button>
              ) : (
                c.label
              )}
            </div>
          );
        })}
      </div>
      <div ref={scroller} role="rowgroup" class="vbody" tabIndex={0} aria-label={label + ' rows (scroll with arrow keys)'} style={{ height: height + 'px' }} onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}>
        <div style={{ height: rows.length * rowHeight + 'px', position: 'relative' }}>{visible}</div>
      </div>
    </div>
  );
}
