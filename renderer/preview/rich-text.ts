// A catalogue message with elements in it: the placeholders named in `nodes` become those
// elements (a <code> path, a <strong> word), wherever the language puts them in the sentence.
// Plain TypeScript (createElement, no JSX), so Node's tests run it as it is.

import { createElement, Fragment } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey, Param } from '../../electron/core/i18n/messages';
import type { Translate } from '../ui/locale';

const MARK = /\u0000(\d+)\u0000/;

export function richText(t: Translate, key: MessageKey, nodes: Readonly<Record<string, ReactNode>>, params: Readonly<Record<string, Param>> = {}): ReactNode {
  const names = Object.keys(nodes);
  const marks: Record<string, string> = {};
  names.forEach((name, i) => (marks[name] = `\u0000${i}\u0000`));
  // split with a group: text, index, text, index, …, text.
  const parts = t(key, { ...params, ...marks }).split(MARK);
  return createElement(
    Fragment,
    null,
    ...parts.map((part, i) => (i % 2 === 0 ? part : createElement(Fragment, { key: i }, nodes[names[Number(part)] ?? '']))),
  );
}
