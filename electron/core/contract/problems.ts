// The contract's findings: a problem (validation or lint) and the front-matter field specs
// problems are checked against. Type-only.

import type { Msg } from '../i18n/messages';

export type Severity = 'error' | 'warning';

/** One finding of validation or lint, pointing at a line of the file when it can. */
export interface Problem {
  code: string;
  severity: Severity;
  /** The English text; `msg`, when present, says the same in the reader's language. */
  message: string;
  msg?: Msg;
  /** 1-based line in the whole file (front matter included). */
  line?: number;
  column?: number;
  /** Front-matter key the problem is about, for inline form messages. */
  field?: string;
}

export type FieldType = 'string' | 'text' | 'tags' | 'names' | 'date';

/**
 * How a list written as one string holds its items where not by commas: 'space' (Jekyll's
 * `tags: gitops flux`), 'none' (one item: Docusaurus' `authors: jane`), 'list' (one item, and
 * written as a list whatever it held: Docusaurus' `tags`, which its build refuses as text).
 */
export type OneStringSeparator = 'space' | 'none' | 'list';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Soft limit: past it the form and lint warn. */
  warnAbove?: number;
  /** For type 'date': the format written to the file. */
  format?: 'YYYY-MM-DD';
  /** For type 'tags' or 'names': how a one-string value holds its items, if not by commas. */
  separator?: OneStringSeparator;
  help?: string;
  /**
   * Help that says something of this post (the date its file or folder name gives), in the
   * catalogue: the form shows it in the interface's language instead of `help`.
   */
  helpMsg?: Msg;
}
