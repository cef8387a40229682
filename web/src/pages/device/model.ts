import { useEffect, useState } from 'preact/hooks';
import { getTemplateModel } from '../../api';
import { isCloud, text, types } from '../templates/model';

/** A capability of a device's template, with the component it is in ('' for the default one). */
export interface Capability {
  component: string;
  name: string;
  displayName: string;
  element: any;
}

/** The expanded model of the device's template (GET …/model); null without a template or while loading. */
export function useTemplateModel(template: string | undefined): { model: any | null; error: unknown } {
  const [model, setModel] = useState<any | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setModel(null);
    setError(null);
    if (!template) return;
    const abort = new AbortController();
    getTemplateModel(template, abort.signal).then(setModel, (e) => { if ((e as Error).name !== 'AbortError') setError(e); });
    return () => abort.abort();
  }, [template]);
  return { model, error };
}

/** The capabilities of one kind (`Property`, `Command`, …) in the root interface and every component. */
export function capabilities(model: any, kind: string): Capability[] {
  const out: Capability[] = [];
  const walk = (contents: any[], component: string) => {
    for (const c of contents ?? []) {
      if (types(c).includes('Component') && !component) walk(c.schema?.contents, c.name);
      else if (types(c).includes(kind)) out.push({ component, name: c.name, displayName: text(c.displayName) || c.name, element: c });
    }
  };
  walk(model?.contents, '');
  return out;
}

export type PropertyKind = 'writable' | 'cloud' | 'read-only' | 'unmodeled';

export function propertyKind(p: Capability | undefined): PropertyKind {
  if (!p) return 'unmodeled';
  if (isCloud(p.element)) return 'cloud';
  return p.element.writable ? 'writable' : 'read-only';
}
