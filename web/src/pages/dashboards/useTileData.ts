import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LiveStatus, useLive } from '../../live';
import { toastError } from '../../ui/components';
import { ApiError } from '../../api';
import { dashboardData, Tile, TILE_TYPES, TileData } from './dashboardApi';

const REFRESH_MS = 30_000;
const LIVE_DEBOUNCE_MS = 3_000;

/** Whether a tile being edited is complete enough to ask for its data (the server refuses the rest). */
function ready(tile: Tile): boolean {
  const config = tile.configuration as any;
  const kind = TILE_TYPES.find((t) => t.type === config.type);
  if (config.type === 'command') return !!config.group && !!config.device && !!config.command;
  return !kind?.grouped || (!!config.group && !!config.capabilities?.[0]?.capability);
}

/** Device ids a refresh's data names, for the live feed (at most 100). */
function devicesOf(data: Record<string, TileData>): string[] {
  const ids = new Set<string>();
  for (const tile of Object.values(data)) {
    const d = (tile.data ?? {}) as any;
    for (const v of [...(d.values ?? []), ...(d.locations ?? []), ...(d.series ?? []), ...(d.events ?? [])]) if (v.device) ids.add(v.device);
  }
  return [...ids].sort().slice(0, 100);
}

/**
 * Every tile's data of the dashboard (or of the unsaved `draft`'s complete tiles) for the shared
 * `range`, in one request: when either changes, every 30 s, and a few seconds after the live feed
 * reports a change of a device the tiles show.
 */
export function useTileData(dashboardId: string | undefined, range: string, draft: Tile[] | null): {
  data: Record<string, TileData>; span?: [number, number]; loadedAt: number | null; live: LiveStatus;
} {
  const [data, setData] = useState<Record<string, TileData>>({});
  const [loadedAt, setLoadedAt] = useState<number | null>(null);
  const [span, setSpan] = useState<[number, number] | undefined>();
  const draftKey = draft ? JSON.stringify(draft) : '';
  // A saved dashboard's new tiles are asked for when its draft ends (the draft key changes).
  const refresh = useCallback(() => {
    if (!dashboardId) return;
    const abort = new AbortController();
    dashboardData(dashboardId, range, draft ? draft.filter(ready) : undefined, abort.signal).then((answer) => {
      setData(answer.tiles as Record<string, TileData>);
      setSpan(answer.from && answer.to ? [Date.parse(answer.from), Date.parse(answer.to)] : undefined);
      setLoadedAt(Date.now());
    }, (e) => {
      // A dashboard that is not there is reported by the page, which asked for it too.
      if ((e as Error).name !== 'AbortError' && !(e instanceof ApiError && e.status === 404)) toastError(e);
    });
    return () => abort.abort();
  }, [dashboardId, range, draftKey]);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const soon = () => { pending.current ??= setTimeout(() => { pending.current = undefined; refresh(); }, LIVE_DEBOUNCE_MS); };
  useEffect(() => () => clearTimeout(pending.current), []);
  const live = useLive(useMemo(() => devicesOf(data), [data]), { telemetry: soon, connection: soon, properties: soon });
  return { data, span, loadedAt, live };
}
