// A small, safe markdown renderer for markdown tiles: headings, paragraphs, lists, emphasis, code
// and links become Preact elements; nothing is ever inserted as HTML, so markup in the text shows
// as text. Links keep only http(s) and mailto targets.
import type { ComponentChildren } from 'preact';

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function safeHref(href: string): string | undefined {
  return /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index! > last) out.push(text.slice(last, m.index));
    const token = m[0];
    if (token.startsWith('**')) out.push(<strong>{token.slice(2, -2)}</strong>);
    else if (token.startsWith('`')) out.push(<code>{token.slice(1, -1)}</code>);
    else if (token.startsWith('[')) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token)!;
      const safe = safeHref(href);
      out.push(safe ? <a href={safe} target="_blank" rel="noopener noreferrer">{label}</a> : label);
    } else out.push(<em>{token.slice(1, -1)}</em>);
    last = m.index! + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The markdown as elements. */
export function Markdown({ text }: { text: string }) {
  const blocks: ComponentChildren[] = [];
  let list: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(<p>{inline(paragraph.join(' '))}</p>);
    if (list.length) blocks.push(<ul>{list.map((item) => <li>{inline(item)}</li>)}</ul>);
    paragraph = [];
    list = [];
  };
  for (const line of text.split('\n')) {
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      // Tile headings sit below the tile's own title (an h2), so they start at h3.
      blocks.push(level === 1 ? <h3>{inline(heading[2])}</h3> : level === 2 ? <h4>{inline(heading[2])}</h4> : <h5>{inline(heading[2])}</h5>);
    } else if (item) {
      if (paragraph.length) flush();
      list.push(item[1]);
    } else if (!line.trim()) flush();
    else {
      if (list.length) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return <div class="markdown">{blocks}</div>;
}
