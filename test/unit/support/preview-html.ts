// The preview's tree of a text as compact HTML (properties as React names them, no newlines):
// what a reader of the preview sees, for tests that compare it whole.
import type { Root, RootContent } from 'hast';
import { previewTree, type PreviewReading } from '../../../renderer/preview/pipeline';

function serialize(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'root') return node.children.map(serialize).join('');
  if (node.type !== 'element') return '';
  const attrs = Object.entries(node.properties).map(([k, v]) => ` ${k}="${Array.isArray(v) ? v.join(' ') : String(v)}"`).join('');
  return `<${node.tagName}${attrs}>${node.children.map(serialize).join('')}</${node.tagName}>`;
}

export const previewHtml = (text: string, reading: PreviewReading): string => serialize(previewTree(text, reading)).replace(/\n/g, '');

/** The properties of each `<img>` the preview shows for `text`, block by block as the editor splits it (at blank lines), in order. */
export function previewImgs(text: string, reading: PreviewReading): Array<Record<string, unknown>> {
  const imgs: Array<Record<string, unknown>> = [];
  const visit = (n: Root | RootContent): void => {
    if (n.type === 'element' && n.tagName === 'img') imgs.push(n.properties);
    if ('children' in n) for (const c of n.children) visit(c);
  };
  for (const block of text.split('\n\n')) visit(previewTree(block, reading));
  return imgs;
}
