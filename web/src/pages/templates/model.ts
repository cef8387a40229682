/** Small helpers over device-template JSON shared by the template pages. */

export const tplPath = (id: string) => '/deviceTemplates/' + encodeURIComponent(id);
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : v && typeof v === 'object' ? String((v as any).en ?? Object.values(v)[0] ?? '') : '';
export const types = (c: any): string[] => (Array.isArray(c?.['@type']) ? c['@type'] : c?.['@type'] ? [c['@type']] : []);
export const isCloud = (c: any) => types(c).includes('Cloud');
