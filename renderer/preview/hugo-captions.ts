// Hugo's figure shortcode reads its caption and credit as Markdown (`markdownify`): a photo
// credit written `Photo by [Ana](https://…)` is a link on the page. The figure's rewrite
// (core/markdown/hugo-figure.ts) marks each as a `<span data-hugo-markdown>` holding the text;
// this plugin puts the inline Markdown it reads in its place. Runs after rehype-raw, before
// sanitizing (which cleans what it makes like the rest). An image in a caption shows as its alt
// text: the photo tray and lint count no photo there, so the preview shows none.

import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/** The text a node holds. */
function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

const inline = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).freeze();

/** The inline content `markdown` reads as, in a paragraph's place; images as their alt text. */
function readInline(markdown: string): ElementContent[] {
  const tree = inline.runSync(inline.parse(markdown)) as Root;
  const out: ElementContent[] = [];
  for (const block of tree.children) {
    if (block.type === 'element' && block.tagName === 'p') out.push(...block.children);
    else if (block.type === 'text' && block.value.trim() === '') continue;
    else out.push({ type: 'text', value: textOf(block) });
  }
  return out.map(withoutImages);
}

function withoutImages(node: ElementContent): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'img') return { type: 'text', value: typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '' };
  return { ...node, children: node.children.map(withoutImages) };
}

function readCaptions(node: Root | Element): void {
  node.children = node.children.flatMap((child): RootContent[] => {
    if (child.type !== 'element') return [child];
    if (child.tagName === 'span' && child.properties['dataHugoMarkdown'] !== undefined) return readInline(textOf(child));
    readCaptions(child);
    return [child];
  }) as typeof node.children;
}

/** The unified plugin. */
export function rehypeHugoCaptions() {
  return (tree: Root): void => {
    readCaptions(tree);
  };
}
