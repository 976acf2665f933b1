// A catalogue message with elements inside it (a file name in <strong>, a link in <code>): the
// message is formatted with a marker for each element, then cut at the markers, so each
// language places the elements where its sentence needs them.

import { createElement, Fragment } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey, Param } from '../../electron/core/i18n/messages';
import type { Translate } from './locale';

const MARK = '\u{E000}';

export function rich(t: Translate, key: MessageKey, nodes: Readonly<Record<string, ReactNode>>, params: Readonly<Record<string, Param>> = {}): ReactNode {
  const marked: Record<string, Param> = { ...params };
  for (const name of Object.keys(nodes)) marked[name] = `${MARK}${name}${MARK}`;
  const pieces = t(key, marked).split(MARK);
  // Odd pieces are element names (the text between two markers).
  return pieces.map((piece, i) => createElement(Fragment, { key: i }, i % 2 === 1 ? nodes[piece] : piece));
}
