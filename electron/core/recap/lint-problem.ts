// A lint finding built from a catalogue message: `msg` says it in the reader's language,
// `message` is its English text (for logs, tests and readers that predate the catalogues).

import type { Problem, Severity } from '../contract';
import { format } from '../i18n/messages';
import type { Msg } from '../i18n/messages';

export type ProblemPlace = Pick<Problem, 'line' | 'column' | 'field'>;

export function problemOf(code: string, severity: Severity, m: Msg, at: ProblemPlace = {}): Problem {
  return { code, severity, message: format('en', m.key, m.params), msg: m, ...at };
}
