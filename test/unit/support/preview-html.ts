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
