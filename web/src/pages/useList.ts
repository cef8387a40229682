import { useEffect, useState } from 'preact/hooks';
import { Collection, get } from '../api';

/** Loads an IoT Central collection (following nextLink up to `maxPages`); an empty path loads nothing. */
export function useList<T>(path: string, maxPages = 20) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(false);
  const load = async () => {
    setError(null);
    if (!path) {
      setItems(null);
      return;
    }
    try {
      let page = await get<Collection<T>>(path);
      let all = page.value;
      for (let i = 1; page.nextLink && i < maxPages; i++) {
        page = await get<Collection<T>>(page.nextLink);
        all = all.concat(page.value);
      }
      setItems(all);
      setMore(!!page.nextLink);
    } catch (e) {
      setError(e);
    }
  };
  useEffect(() => {
    load();
  }, [path]);
  /** Changes the loaded items in place (a live update), without reading them again. */
  const update = (change: (items: T[]) => T[]) => setItems((current) => (current ? change(current) : current));
  return { items, error, more, reload: load, update };
}

/** `value`, once it has stopped changing for `delayMs` (for search boxes). */
export function useDebounced<T>(value: T, delayMs = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * State kept in the URL's hash query (`#q=pump&sort=displayName`), so a reload or a shared link
 * shows the same view. Writing replaces the history entry rather than adding one per keystroke.
 */
export function useHashState(): [URLSearchParams, (changes: Record<string, string | undefined>) => void] {
  const [params, setParams] = useState(() => new URLSearchParams(location.hash.slice(1)));
  useEffect(() => {
    const update = () => setParams(new URLSearchParams(location.hash.slice(1)));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const change = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(location.hash.slice(1));
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, value);
    }
    const hash = next.toString();
    history.replaceState(history.state, '', location.pathname + location.search + (hash ? '#' + hash : ''));
    setParams(next);
  };
  return [params, change];
}
