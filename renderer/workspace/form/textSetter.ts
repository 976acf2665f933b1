// The form's setter for a text field. While the author types, each keystroke is written with the
// quotes the value had before the first one: `title: "x"` stays double-quoted, `'x'` single, a
// bare value bare (quoted only for the keystrokes whose text needs it). Without this memory, the
// quotes one keystroke needed (a `: ` typed, the field emptied to "") would stay for the next.

import { getField, quoteStyleOf, setField } from '../../../electron/core/frontmatter/frontmatter';
import type { FieldValue, QuoteStyle } from '../../../electron/core/frontmatter/frontmatter';

export type TextSetter = (text: string, value: FieldValue) => string;

/** A setter for one field; it remembers the author's quote style while the field holds what it last wrote. */
export function textFieldSetter(key: string): TextSetter {
  let last: { value: FieldValue | undefined; quote: QuoteStyle | null } | null = null;
  return (text, value) => {
    // The field changed since our last write (raw YAML, undo, a reload): its quotes are the author's again.
    const quote = last !== null && JSON.stringify(getField(text, key)) === JSON.stringify(last.value) ? last.quote : authorsQuote(text, key);
    const next = setField(text, key, value, typeof value === 'string' ? (quote ?? undefined) : undefined);
    last = { value: getField(next, key), quote };
    return next;
  };
}

/**
 * The quotes the author's value has; for an empty "" (a field a template cleared, or the author
 * emptied before this session), the quotes a value written there takes, which follow the file's
 * other text (core/frontmatter): a bare site's template field gets a bare value.
 */
function authorsQuote(text: string, key: string): QuoteStyle | null {
  return getField(text, key) === '' ? quoteStyleOf(setField(text, key, 'x'), key) : quoteStyleOf(text, key);
}
