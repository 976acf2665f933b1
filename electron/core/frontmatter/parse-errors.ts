// What a front-matter parser found wrong, in the catalogue's words: the `yaml` package's error
// codes, smol-toml's and our JSON reader's messages become catalogue messages the author can act
// on, in the interface's language. Where no mapping exists the parser's own English text is kept
// as a detail ("(parser: …)"), so nothing it said is lost. Line and column travel beside the
// message (the form, the Problems panel and the errors each say them their own way).
//
// Pure module (no Node imports): the renderer's form and the CLI share it.

import type { ErrorCode } from 'yaml';
import { format, msg } from '../i18n/messages';
import type { Msg } from '../i18n/messages';
import type { YamlProblem } from './values';

/** Brackets said as placeholders: a catalogue text cannot hold a literal brace. */
export const LIST = '[ … ]';
export const OBJECT = '{ … }';

/** A problem of a front matter: its English text (logs, tests) and its catalogue message. */
export function fmProblem(m: Msg, line: number, column: number, syntax = true): YamlProblem {
  return { message: format('en', m.key, m.params), msg: m, line, column, syntax };
}

/** The parser's first line, trimmed to a readable length, for "(parser: …)". */
function detail(text: string): string {
  const first = (text.split('\n')[0] ?? text).trim();
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

/** The field name written at `pos` (a line's `key:`), for a repeated key. */
function keyAt(src: string, pos: number): string | null {
  const m = /^\s*(?:"([^"\n]+)"|'([^'\n]+)'|([^:\n#]+?))\s*:/.exec(src.slice(pos, pos + 1100));
  return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

/** A `MISSING_CHAR` error of the yaml package: which character is missing. */
function missingChar(message: string): Msg | null {
  const quote = /Missing closing (["'])quote/.exec(message);
  if (quote) return msg('parser.yamlUnclosedQuote', { quote: quote[1] ?? '"' });
  if (/^Missing ,( or :)? between/.test(message)) return msg('parser.yamlMissingComma', { list: LIST, map: OBJECT });
  if (/^Missing space after :/.test(message)) return msg('parser.yamlSpaceAfterColon');
  if (/^Implicit map keys need to be followed by map values/.test(message)) return msg('parser.yamlNoColon');
  if (/^Comments must be separated/.test(message)) return msg('parser.yamlCommentSpace');
  return null;
}

const ANCHOR_OR_TAG = new Set<ErrorCode>(['ALIAS_PROPS', 'BAD_ALIAS', 'BAD_PROP_ORDER', 'MULTIPLE_ANCHORS', 'MULTIPLE_TAGS', 'TAG_RESOLVE_FAILED']);

function yamlMapped(code: ErrorCode, message: string, src: string, pos: number): Msg | null {
  if (ANCHOR_OR_TAG.has(code)) return msg('parser.yamlAnchorOrTag');
  switch (code) {
    case 'MISSING_CHAR':
      return missingChar(message);
    case 'DUPLICATE_KEY': {
      const key = keyAt(src, pos);
      return key === null ? msg('parser.yamlDuplicate') : msg('parser.yamlDuplicateKey', { key });
    }
    case 'BAD_INDENT': {
      const close = /end with an? ([\]}])/.exec(message);
      return close ? msg('parser.yamlUnclosedBracket', { open: close[1] === '}' ? '{' : '[', bracket: close[1] ?? ']' }) : msg('parser.yamlBadIndent');
    }
    case 'TAB_AS_INDENT':
      return msg('parser.yamlTab');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return /compact mappings/.test(message) ? msg('parser.yamlColonInValue') : msg('parser.yamlBadIndent');
    case 'MULTILINE_IMPLICIT_KEY':
      return msg('parser.yamlNoColon');
    case 'BAD_SCALAR_START':
      return msg('parser.yamlReservedStart', { char: src.charAt(pos) || message.slice(-1) });
    case 'BAD_DQ_ESCAPE':
      return msg('parser.yamlBadEscape', { escape: /sequence (\S+)/.exec(message)?.[1] ?? '\\' });
    case 'UNEXPECTED_TOKEN': {
      const token = src.slice(pos, pos + 1).trim();
      return token ? msg('parser.yamlUnexpected', { token }) : null;
    }
    default:
      return null;
  }
}

/** A `yaml` package error (code, message, offset in `src`) as a catalogue message. */
export function yamlErrorMsg(code: ErrorCode, message: string, src: string, pos: number): Msg {
  return yamlMapped(code, message, src, pos) ?? msg('parser.yamlOther', { detail: detail(message) });
}

const TOML_MESSAGES: readonly [RegExp, Msg][] = [
  [/redefine an already defined/, msg('parser.tomlDuplicate')],
  [/^(unfinished string|control characters are not allowed in strings)/, msg('parser.tomlUnclosedString')],
  [/^(unfinished array|expected comma or end of structure)/, msg('parser.tomlUnclosedList', { list: LIST, table: OBJECT })],
  [/^(unfinished table|expected end of table array declaration)/, msg('parser.tomlUnclosedTable')],
  [/^(incomplete key-value|unexpected end of key|illegal character in key|illegal empty bare key)/, msg('parser.tomlBadKey')],
  [/^each key-value declaration must be followed by an end-of-line/, msg('parser.tomlOnePerLine')],
  [/^invalid date/, msg('parser.tomlBadDate')],
  [/^(unrecognised escape sequence|invalid unicode escape|invalid non-hex character|invalid escape)/, msg('parser.tomlBadEscape')],
  [/^(illegal leading zero|illegal underscore|unfinished numeric value|illegal character in numeric literal|integer value cannot be represented)/, msg('parser.tomlBadNumber')],
  [/^invalid value/, msg('parser.tomlBadValue')],
];

/** A smol-toml message (without its "Invalid TOML document: " head) as a catalogue message. */
export function tomlErrorMsg(message: string): Msg {
  const text = detail(message.replace(/^Invalid TOML document: /, ''));
  return TOML_MESSAGES.find(([re]) => re.test(text))?.[1] ?? msg('parser.tomlOther', { detail: text });
}

/** JSON.parse's complaint (the text passed our own reader) as a message, and the offset it names. */
export function jsonParseError(message: string): { m: Msg; pos: number | null } {
  const at = /at position (\d+)/.exec(message);
  return { m: msg('parser.jsonOther', { detail: detail(message) }), pos: at ? Number(at[1]) : null };
}
