// MDX's top-level `import … from '…'` and `export const …` statements: code for the site's
// build, which Docusaurus renders as nothing. In a post read as MDX the preview hides them, and
// lint and the link finder check nothing there; a site that reads the post as plain Markdown
// publishes them as a paragraph, checked like any other.
//
// Pure module (no Node imports): the page's preview and the service's finder share it.

/**
 * A block (text between blank lines, as MDX ends a statement) that is an ESM statement: `import`
 * or `export` at its first column, shaped as JavaScript (`import X from '…'`, `import '…'`,
 * `export const|let|var|function|class|default|async|{ …`), so a sentence is never one.
 */
export function isEsmBlock(block: string): boolean {
  return /^(?:import\s+(?:['"]|[\w$*{][^\n]*?\bfrom\s*['"])|import\s*\{|export\s+(?:const|let|var|function|class|default|async)\b|export\s*\{|export\s+\*)/.test(block);
}

/** An image imported by an MDX statement (`import hall from './hall.png';`), by its name. */
export function mdxImageImports(text: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!text.includes('import')) return out;
  const re = /^import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])([^'"\n]+)\2/gm;
  for (const m of text.matchAll(re)) if (m[1] !== undefined && m[3] !== undefined) out.set(m[1], m[3]);
  return out;
}

/**
 * The URL of an MDX `<img src={…}>`: an imported name (`{hall}`) is the file it imports,
 * `{require('./hall.png').default}` that file, Docusaurus' `{useBaseUrl('/img/hall.png')}` that
 * site path; null for any other expression (code the site runs, which nothing here can follow).
 * A src that is no expression is itself.
 */
export function mdxImageUrl(src: string, imports: ReadonlyMap<string, string>): string | null {
  const expr = /^\{([\s\S]*)\}$/.exec(src.trim());
  if (!expr) return src;
  const inner = (expr[1] ?? '').trim();
  if (/^[A-Za-z_$][\w$]*$/.test(inner)) return imports.get(inner) ?? null;
  const required = /^require\(\s*(['"])([^'"\n]+)\1\s*\)(?:\.default)?$/.exec(inner);
  // Docusaurus' useBaseUrl('/img/a.png'): the site path, which it puts the site's baseUrl before.
  const based = /^useBaseUrl\(\s*(['"])([^'"\n]+)\1\s*\)$/.exec(inner);
  return required?.[2] ?? based?.[2] ?? null;
}

/** `src={require('./a.png').default}` (or without `.default`), or `src={useBaseUrl('/img/a.png')}`: the src, from `{`, and the file it names. */
const REQUIRE_SRC = /(\bsrc[ \t]*=[ \t]*)(\{[ \t]*(?:require|useBaseUrl)\([ \t]*(['"])([^'"\n]+)\3[ \t]*\)(?:\.default)?[ \t]*\})/g;

/**
 * The `src={require('…')}` (and `src={useBaseUrl('…')}`) attributes of a text: an unquoted
 * attribute value may not hold quotes, so neither the preview's parser nor the link finder would
 * see this `<img>` as one (it showed as text). Each is given with the file it names, to be read as
 * `src="./a.png"` (see liquid-links' rewrites, the same shape).
 */
export function findMdxRequires(text: string): Array<{ offset: number; written: string; resolved: string }> {
  if (!text.includes('require') && !text.includes('useBaseUrl')) return [];
  const out: Array<{ offset: number; written: string; resolved: string }> = [];
  for (const m of text.matchAll(REQUIRE_SRC)) {
    const written = m[2] ?? '';
    out.push({ offset: (m.index ?? 0) + (m[1] ?? '').length, written, resolved: m[4] ?? '' });
  }
  return out;
}

/** Where the `{` at `open` is closed, skipping quoted strings and template literals; -1 when it is not (within `limit` characters). */
function closingBrace(text: string, open: number, limit = 2000): number {
  let depth = 0;
  const end = Math.min(text.length, open + limit);
  for (let i = open; i < end; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      const close = text.indexOf(c, i + 1);
      if (close === -1 || close >= end) return -1;
      i = close;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The offsets of a text that are inside fenced code blocks or inline code spans (its lines', roughly as CommonMark reads them). */
function inCode(text: string): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  let fence: string | null = null;
  let start = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const open = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && open !== undefined) {
      fence = open;
      start = offset;
    } else if (fence !== null && new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) {
      spans.push([start, offset + line.length]);
      fence = null;
    } else if (fence === null) {
      for (const m of line.matchAll(/(`+)[^`]*?\1/g)) spans.push([offset + (m.index ?? 0), offset + (m.index ?? 0) + m[0].length]);
    }
    offset += line.length + 1;
  }
  if (fence !== null) spans.push([start, text.length]);
  return (at) => spans.some(([a, b]) => at >= a && at < b);
}

type Expression = { offset: number; written: string; resolved: string };

/**
 * The attributes written as code of the tag whose `<img`/`<source` ends at `from`, read to its `>`
 * (or the next tag's `<`) within a bound, and where the reading stopped.
 */
function tagAttributeCode(text: string, from: number): { found: Expression[]; end: number } {
  const found: Expression[] = [];
  let i = from;
  const stop = Math.min(text.length, i + 4000);
  while (i < stop && text[i] !== '>' && text[i] !== '<') {
    const c = text[i] ?? '';
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close + 1;
    } else if (c === '{') {
      const close = closingBrace(text, i);
      if (close === -1) break;
      const written = text.slice(i, close + 1);
      const name = /([A-Za-z_:][\w.:-]*)[ \t]*=[ \t]*$/.exec(text.slice(Math.max(0, i - 80), i))?.[1];
      if (name !== undefined && name.toLowerCase() !== 'src' && /[\s"'=<>`]/.test(written)) found.push({ offset: i, written, resolved: '""' });
      i = close + 1;
    } else i++;
  }
  return { found, end: i };
}

const TAG_OPEN = /<(?:img|source)\b/gi;

/**
 * The JSX expressions an MDX `<img>` or `<source>` gives its attributes (`style={{ width: 200 }}`,
 * `className={clsx('a', 'b')}`) where CommonMark would read no tag at all (a value holding spaces,
 * quotes or `=`), so the preview showed the tag as text and the link finder missed the image the
 * site shows (the tray's reader counted it). Each is given with `""` to be read in its place: the
 * site runs the code, the preview and the finder see the tag. A src is findMdxRequires' and
 * mdxImageUrl's; tags in code are text. Each tag's attributes are read once, within a bound, so a
 * text of unclosed tags is read in linear time.
 */
export function findMdxAttributeExpressions(text: string): Expression[] {
  if (!text.includes('={')) return [];
  const out: Expression[] = [];
  let code: ((at: number) => boolean) | null = null;
  let past = 0;
  for (const m of text.matchAll(TAG_OPEN)) {
    code ??= inCode(text);
    if ((m.index ?? 0) < past || code(m.index ?? 0)) continue;
    const tag = tagAttributeCode(text, (m.index ?? 0) + m[0].length);
    out.push(...tag.found);
    past = tag.end;
  }
  return out;
}

/** Whether the tag at `at` (its `<img` or `<source`) gives an attribute as code that only MDX reads: where its post is no MDX, the tag is text. */
export function hasMdxAttributeCode(text: string, at: number): boolean {
  const open = /^<(?:img|source)\b/i.exec(text.slice(at, at + 8));
  return open !== null && tagAttributeCode(text, at + open[0].length).found.length > 0;
}
