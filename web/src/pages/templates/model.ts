/** Small helpers over device-template JSON shared by the template pages. */

export const tplPath = (id: string) => '/deviceTemplates/' + encodeURIComponent(id);
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as any).en ?? Object.values(v)[0] ?? '') : '';
export const types = (c: any): string[] => (Array.isArray(c?.['@type']) ? c['@type'] : c?.['@type'] ? [c['@type']] : []);
/** A cloud property: `Cloud` among its types (stored model) or its IoT Central types (expanded model). */
export const isCloud = (c: any) => types(c).includes('Cloud') || (Array.isArray(c?.iotcTypes) && c.iotcTypes.includes('Cloud'));

/** Every object with an `@id` in a model, by id: where a stored model inlined a referenced interface. */
export function definitions(model: any, into = new Map<string, any>()): Map<string, any> {
  if (Array.isArray(model)) model.forEach((m) => definitions(m, into));
  else if (model && typeof model === 'object') {
    if (typeof model['@id'] === 'string' && !into.has(model['@id'])) into.set(model['@id'], model);
    Object.values(model).forEach((v) => definitions(v, into));
  }
  return into;
}
