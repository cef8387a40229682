// Maps every JSON pointer of a JSON text to the line (1-based) where its member or element starts,
// so errors the API reports at a pointer can be shown at their place in the text the user pasted.

export function pointerLines(source: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  let line = 1;
  const ws = () => {
    while (i < source.length && /\s/.test(source[i])) {
      if (source[i] === '\n') line++;
      i++;
    }
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(source.slice(start, i));
    } catch {
      return source.slice(start + 1, i - 1);
    }
  };
  const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
  const value = (ptr: string, at: number) => {
    ws();
    if (!out.has(ptr)) out.set(ptr, at);
    const c = source[i];
    if (c === '{') {
      i++;
      ws();
      while (i < source.length && source[i] !== '}') {
        if (source[i] !== '"') return;
        const keyLine = line;
        const key = str();
        ws();
        if (source[i] !== ':') return;
        i++;
        value(ptr + '/' + esc(key), keyLine);
        ws();
        if (source[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let n = 0;
      while (i < source.length && source[i] !== ']') {
        ws();
        value(ptr + '/' + n++, line);
        ws();
        if (source[i] === ',') i++;
        else if (source[i] !== ']') return;
        ws();
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < source.length && !/[\s,\]}]/.test(source[i])) i++;
    }
  };
  try {
    ws();
    value('', line);
  } catch {
    /* partial map is fine */
  }
  return out;
}
