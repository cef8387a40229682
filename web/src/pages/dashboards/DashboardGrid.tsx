import { useRef } from 'preact/hooks';
import { GRID_COLUMNS, Tile, TileData } from './dashboardApi';
import { TileBody } from './TileView';

/** Tiles whose body scrolls (a legend per device, a history's rows): focusable, so the keyboard reaches it. */
const SCROLLING = ['dataExplorer', 'eventHistoryChart', 'stateHistoryChart'];

export const ROW_HEIGHT = 90;
const GAP = 12;

type Mode = 'move' | 'resize';

function clamp(n: number, min: number, max: number) {
  return Math.max(min, Math.min(max, n));
}

/** The tile moved or resized by whole cells: `dx`, `dy` columns and rows. */
function changed(tile: Tile, mode: Mode, dx: number, dy: number): Tile {
  return mode === 'move'
    ? { ...tile, x: clamp(tile.x + dx, 0, GRID_COLUMNS - tile.width), y: clamp(tile.y + dy, 0, 100) }
    : { ...tile, width: clamp(tile.width + dx, 1, Math.min(10, GRID_COLUMNS - tile.x)), height: clamp(tile.height + dy, 1, 10) };
}

/**
 * The dashboard's grid of 12 columns. In edit mode a tile is dragged by its handle to move it and by
 * its corner to resize it, in whole cells (with the keyboard: the arrow keys on the handle move it,
 * with Shift they resize it), and selected to configure it in the side panel.
 */
export function DashboardGrid({ tiles, data, span, editing, selected, onSelect, onChange }: {
  tiles: Tile[]; data: Record<string, TileData>; span?: [number, number]; editing: boolean; selected?: string;
  onSelect: (id: string) => void; onChange: (tile: Tile) => void;
}) {
  const grid = useRef<HTMLDivElement>(null);

  const drag = (tile: Tile, mode: Mode) => (e: PointerEvent) => {
    if (!editing || e.button !== 0) return;
    e.preventDefault();
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    const cell = (grid.current!.clientWidth + GAP) / GRID_COLUMNS;
    const start = { x: e.clientX, y: e.clientY };
    let last = tile;
    const move = (m: PointerEvent) => {
      const next = changed(tile, mode, Math.round((m.clientX - start.x) / cell), Math.round((m.clientY - start.y) / (ROW_HEIGHT + GAP)));
      if (next.x !== last.x || next.y !== last.y || next.width !== last.width || next.height !== last.height) {
        last = next;
        onChange(next);
      }
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const keys = (tile: Tile) => (e: KeyboardEvent) => {
    const step: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const d = step[e.key];
    if (!d) return;
    e.preventDefault();
    onChange(changed(tile, e.shiftKey ? 'resize' : 'move', d[0], d[1]));
  };

  return (
    <div class={'dash-grid' + (editing ? ' editing' : '')} ref={grid} style={{ gridAutoRows: ROW_HEIGHT + 'px', gap: GAP + 'px' }}>
      {tiles.map((tile) => (
        <section key={tile.id} class={'tile card' + (selected === tile.id ? ' selected' : '')} data-tile={tile.id}
          data-type={(tile.configuration as any).type} aria-label={tile.displayName}
          style={{ gridColumn: `${tile.x + 1} / span ${tile.width}`, gridRow: `${tile.y + 1} / span ${tile.height}` }}>
          <header class="tile-head">
            <h2>{tile.displayName}</h2>
            {editing && (
              <>
                <button type="button" class="ghost tile-move" aria-label={`Move ${tile.displayName} (arrow keys; Shift+arrow keys resize)`}
                  onPointerDown={drag(tile, 'move')} onKeyDown={keys(tile)}>⠿</button>
                <button type="button" class="ghost" onClick={() => onSelect(tile.id!)} aria-label={`Configure ${tile.displayName}`}>⚙</button>
              </>
            )}
          </header>
          {/* an explorer query's legend (a series per device) may scroll: keyboard users reach it */}
          <div class="tile-body" tabIndex={SCROLLING.includes((tile.configuration as any).type) ? 0 : undefined}>
            <TileBody tile={tile} data={data[tile.id!]} span={span} />
          </div>
          {editing && <span class="tile-resize" role="presentation" onPointerDown={drag(tile, 'resize')} />}
        </section>
      ))}
    </div>
  );
}
