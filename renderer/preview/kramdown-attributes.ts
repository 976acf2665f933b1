// kramdown, Jekyll's Markdown, reads an attribute list as attributes, not text: a span's right
// after it (`![Room](room.png){: w="300" h="300" .center}`, as Chirpy's posts size their photos)
// and a block's on a line of its own (`{: .prompt-tip }` under a quote, `{: .notice}`). Jekyll
// publishes neither as text, so on a Jekyll post the preview shows neither: the list is taken out,
// and an image keeps the size it gives (`width`/`height`, and Chirpy's `w`/`h`). Classes and ids
// are the theme's styling, which the preview does not have.

import type { Image, Nodes, Paragraph, Parent, Root } from 'mdast';
import type { VFile } from 'vfile';

/** A span's attribute list at the start of a text, `{: … }` (`{:.center}` too). */
const SPAN_LIST = /^\{:[^}\n]*\}/;
/** A line that is only an attribute list: a block's (`{: .prompt-tip }`), or a definition's (`{:ref: .x}`). */
const BLOCK_LIST = /(^|\n)[ \t]*\{:[^}\n]*\}[ \t]*(?=\n|$)/g;
/** `key="value"` or `key='value'` pairs of a list. */
const PAIR = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)')/g;

/** The size an attribute list gives an image (`w`, `h` are Chirpy's words for `width`, `height`). */
function sizeOf(list: string): { width?: string; height?: string } {
  const out: { width?: string; height?: string } = {};
  for (const m of list.matchAll(PAIR)) {
    const value = m[2] ?? m[3] ?? '';
    if (!/^\d+(?:\.\d+)?(?:px|%)?$/.test(value)) continue;
    if (m[1] === 'width' || m[1] === 'w') out.width = value;
    if (m[1] === 'height' || m[1] === 'h') out.height = value;
  }
  return out;
}

function withSize(image: Image, list: string): void {
  const size = sizeOf(list);
  if (size.width === undefined && size.height === undefined) return;
  image.data = { ...image.data, hProperties: { ...image.data?.hProperties, ...size } };
}

/** Takes a parent's attribute lists out of its text: the one right after an image sizes it. */
function takeLists(parent: Parent): void {
  const kept: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === 'text') {
      const before = kept[kept.length - 1];
      const span = before !== undefined && before.type !== 'text' ? SPAN_LIST.exec(child.value) : null;
      let value = child.value;
      if (span !== null) {
        if (before?.type === 'image') withSize(before, span[0]);
        value = value.slice(span[0].length);
      }
      value = value.replace(BLOCK_LIST, '');
      if (value !== '') kept.push(value === child.value ? child : { ...child, value });
      continue;
    }
    if ('children' in child) takeLists(child);
    kept.push(child);
  }
  parent.children = kept as Parent['children'];
}

/** Whether a paragraph is left with nothing but white space (it held only a block's list). */
const empty = (node: Nodes): boolean => node.type === 'paragraph' && (node as Paragraph).children.every((c) => c.type === 'text' && c.value.trim() === '');

function dropEmpty(parent: Parent): void {
  parent.children = (parent.children as Nodes[]).filter((c) => !empty(c)) as Parent['children'];
  for (const child of parent.children as Nodes[]) if ('children' in child && child.type !== 'paragraph') dropEmpty(child);
}

/** The remark plugin: on a Jekyll post (the block's file says so: `data.kramdown`), attribute lists are no text. */
export function remarkKramdownAttributes() {
  return (tree: Root, file: VFile): void => {
    if (file.data['kramdown'] !== true) return;
    takeLists(tree);
    dropEmpty(tree);
  };
}
