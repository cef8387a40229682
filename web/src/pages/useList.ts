import { useEffect, useState } from 'preact/hooks';
import { Collection, get } from '../api';

/** Loads an IoT Central collection (following nextLink up to `maxPages`). */
export function useList<T>(path: string, maxPages = 20) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [more, setMore] = useState(false);
  const load = async () => {
    setError(null);
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
  return { items, error, more, reload: load };
}
