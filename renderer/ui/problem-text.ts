// A finding's text (a lint problem, a preflight finding, a front-matter parse error) in the
// interface's language: its catalogue message when it has one, else the English text it came with.

import type { Msg } from '../../electron/core/i18n/messages';
import { tMsg } from './locale';

export function problemText(p: { message: string; msg?: Msg }): string {
  return p.msg ? tMsg(p.msg) : p.message;
}
