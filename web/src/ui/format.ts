// Counts and values as a person reads them, the same on every page.

/** `1 point`, `2 points`, `1,000 devices`: the number (grouped) and the noun it counts. */
export function count(n: number, one: string, many: string = one + 's'): string {
  return n.toLocaleString('en') + ' ' + (n === 1 ? one : many);
}

/** The class of a table cell showing `value`: numbers and booleans never wrap; text and JSON may. */
export function valueClass(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' ? 'mono num' : 'mono wrap';
}

/** A value as text: strings as they are, anything else as JSON; an em dash when there is none. */
export function showValue(value: unknown): string {
  return value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value);
}
