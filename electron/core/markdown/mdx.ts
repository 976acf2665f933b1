// MDX's top-level `import … from '…'` and `export const …` statements: code for the site's
// build, which Docusaurus renders as nothing. The preview hides them in an MDX post, and the link
// finder reads no image in them (lint and export check none there).
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

/** True for a post the site reads as MDX: a `.mdx` file, or any post of a Docusaurus blog (MDX by default). */
export function isMdxPost(path: string | null, generator: string | undefined): boolean {
  return generator === 'docusaurus' || (path !== null && /\.mdx$/i.test(path));
}
