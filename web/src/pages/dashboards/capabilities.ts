import { useEffect, useState } from 'preact/hooks';
import { Collection, Device, get, getTemplateModel } from '../../api';
import { capabilities } from '../device/model';
import { isCloud, types } from '../templates/model';

/**
 * A capability a tile may show: its path (`name` or `component/name`), label and kind; whether it
 * is a location, writable (a writable or cloud property), an event or a state (IoT Central's
 * semantic types `Event` and `State` on telemetry; a state is also any enum telemetry).
 */
export interface Offered {
  path: string; label: string; kind: 'Telemetry' | 'Property'; location: boolean;
  writable: boolean; event: boolean; state: boolean; schema: unknown;
}

function schemaName(element: any): string {
  return typeof element.schema === 'string' ? element.schema : element.schema?.['@type'] ?? '';
}

/** The telemetry and properties of the templates of the group's devices (its first 100 devices). */
export function useGroupCapabilities(group: string | undefined): Offered[] {
  const [offered, setOffered] = useState<Offered[]>([]);
  useEffect(() => {
    setOffered([]);
    if (!group) return;
    const abort = new AbortController();
    get<Collection<Device>>('/deviceGroups/' + encodeURIComponent(group) + '/devices?maxpagesize=100', abort.signal)
      .then(async (page) => {
        const templates = [...new Set(page.value.map((d) => d.template).filter((t): t is string => !!t))];
        const models = await Promise.all(templates.map((t) => getTemplateModel(t, abort.signal).catch(() => null)));
        const seen = new Map<string, Offered>();
        for (const model of models) {
          for (const kind of ['Telemetry', 'Property'] as const) {
            for (const c of capabilities(model, kind)) {
              const path = c.component ? c.component + '/' + c.name : c.name;
              const semantic = [...types(c.element), ...(Array.isArray(c.element.iotcTypes) ? c.element.iotcTypes : [])];
              seen.set(kind + path, { path, label: c.displayName + (c.component ? ' (' + c.component + ')' : ''), kind,
                location: /geopoint/i.test(schemaName(c.element)), schema: c.element.schema,
                writable: kind === 'Property' && (!!c.element.writable || isCloud(c.element)),
                event: semantic.includes('Event'), state: semantic.includes('State') || schemaName(c.element) === 'Enum' });
            }
          }
        }
        setOffered([...seen.values()]);
      })
      .catch(() => undefined);
    return () => abort.abort();
  }, [group]);
  return offered;
}
