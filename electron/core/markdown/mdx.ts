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
 * `{require('./hall.png').default}` that file; null for any other expression (code the site runs,
 * which nothing here can follow). A src that is no expression is itself.
 */
export function mdxImageUrl(src: string, imports: ReadonlyMap<string, string>): string | null {
  const expr = /^\{([\s\S]*)\}$/.exec(src.trim());
  if (!expr) return src;
  const inner = (expr[1] ?? '').trim();
  if (/^[A-Za-z_$][\w$]*$/.test(inner)) return imports.get(inner) ?? null;
  const required = /^require\(\s*(['"])([^'"\n]+)\1\s*\)(?:\.default)?$/.exec(inner);
  return required?.[2] ?? null;
}

/** `src={require('./a.png').default}` (or without `.default`): the src, from `{`, and the file it requires. */
const REQUIRE_SRC = /(\bsrc[ \t]*=[ \t]*)(\{[ \t]*require\([ \t]*(['"])([^'"\n]+)\3[ \t]*\)(?:\.default)?[ \t]*\})/g;

/**
 * The `src={require('…')}` attributes of a text: an unquoted attribute value may not hold quotes,
 * so neither the preview's parser nor the link finder would see this `<img>` as one (it showed as
 * text). Each is given with the file it requires, to be read as `src="./a.png"` (see liquid-links'
 * rewrites, the same shape).
 */
export function findMdxRequires(text: string): Array<{ offset: number; written: string; resolved: string }> {
  if (!text.includes('require')) return [];
  const out: Array<{ offset: number; written: string; resolved: string }> = [];
  for (const m of text.matchAll(REQUIRE_SRC)) {
    const written = m[2] ?? '';
    out.push({ offset: (m.index ?? 0) + (m[1] ?? '').length, written, resolved: m[4] ?? '' });
  }
  return out;
}
