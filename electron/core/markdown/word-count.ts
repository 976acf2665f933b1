// Word count and reading time of a recap's body, as a word processor counts the text a reader
// sees: Markdown syntax, HTML tags, link URLs and images are not words; a link counts its
// text. Chinese and Japanese have no spaces between words, so each of their characters counts
// as one word, as Word, WPS and Pages count them.

import { format, type Locale } from '../i18n/messages';
import { findFigureShortcodes } from './hugo-figure';
import { findFigureIncludes } from './jekyll-figure';
/** Han, Hiragana and Katakana characters: one word each. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
/** A token is a word when it holds a letter or a digit (a lone "—" or "|" is not). */
const WORDISH = /[\p{L}\p{N}]/u;

/** Reading speeds of adult readers: words per minute, CJK characters per minute. */
export const WORDS_PER_MINUTE = 230;
export const CJK_CHARS_PER_MINUTE = 400;

export interface WordCount {
  /** Words in space-separated scripts plus CJK characters. */
  words: number;
  /** Of which CJK characters. */
  cjk: number;
  /** Whole minutes, rounded up; 0 for an empty body. */
  minutes: number;
}

/** An HTML tag; its `[^>]*` may run over blank lines, the only step besides comments that may. */
const TAG = /<\/?[A-Za-z][^>]*>/g;

// Each step removes one kind of syntax; order matters (images before links, fences before code).
const STRIP: Array<[RegExp, string | ((call: string) => string)]> = [
  [/<!--[\s\S]*?-->/g, ' '],
  // Hugo shortcode calls (`{{< figure src="…" >}}`, `{{% note %}}`), over lines but never a blank
  // one (as its block holds it): markup, but for the title, caption and credit a figure shows
  // under its photo; a paired one's inner text stays.
  [/\{\{[<%](?:[^\n]|\n(?![ \t]*\n))*?[>%]\}\}/g, figureWords],
  // Liquid tags (`{% include figure.liquid path="…" caption="…" %}`, `{% raw %}`): markup, but for
  // the caption a theme's figure include shows under its photo.
  [/\{%(?:[^\n]|\n(?![ \t]*\n))*?%\}/g, includeWords],
  // kramdown's attribute lists (`{: .center w="300"}`, after an image or on a line of their own).
  [/\{:[^}\n]*\}/g, ' '],
  // Fence lines (the info string is not text), then the fenced code stays as text people read.
  [/^ {0,3}(?:`{3,}|~{3,}).*$/gm, ' '],
  // Reference definitions: `[id]: https://… "title"`.
  [/^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, ' '],
  // Images, inline and by reference (their alt text is not read as part of the text).
  [/!\[[^\]\n]*\]\([^)\n]*\)/g, ' '],
  [/!\[[^\]\n]*\]\[[^\]\n]*\]/g, ' '],
  // Links keep their text, lose the URL or reference.
  [/\[([^\]\n]*)\]\([^)\n]*\)/g, '$1'],
  [/\[([^\]\n]*)\]\[[^\]\n]*\]/g, '$1'],
  // Autolinks and bare URLs.
  [/<(?:https?|mailto|ftp):[^>\s]*>/gi, ' '],
  [/\b(?:https?|ftp):\/\/\S+/gi, ' '],
  [/\bwww\.\S+\.\S+/gi, ' '],
  // HTML tags (their text content stays).
  [TAG, ' '],
  // Line prefixes: headings, quotes, list markers, task boxes.
  [/^[ \t]*(?:>[ \t]?)*[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)?/gm, ''],
  // Closing heading hashes, thematic breaks, table rules and pipes.
  [/[ \t]+#+[ \t]*$/gm, ''],
  [/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, ' '],
  [/^[ \t|:-]*-[ \t|:-]*$/gm, ' '],
  [/\|/g, ' '],
  // Emphasis, strikethrough and code marks: removed without a space, `**bold**` is one word.
  [/[*_~`]+/g, ''],
  // Escapes and entities.
  [/\\(.)/g, '$1'],
  [/&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, ' '],
];

/** The words a Liquid tag shows on the page: a figure include's caption, none for another tag. */
function includeWords(tag: string): string {
  const figure = tag.includes('figure') ? findFigureIncludes(tag)[0] : undefined;
  return figure?.start === 0 ? ` ${figure.caption ?? ''} ` : ' ';
}

/** The words a shortcode call shows on the page: a figure's title, caption and credit (attr), none for another call. */
function figureWords(call: string): string {
  const figure = call.includes('figure') ? findFigureShortcodes(call)[0] : undefined;
  return figure?.start === 0 ? ` ${figure.title ?? ''} ${figure.caption ?? ''} ${figure.attr ?? ''} ` : ' ';
}

const TAG_STEP = STRIP.findIndex(([pattern]) => pattern === TAG);

/**
 * The readable text of `body`, and whether a comment or a tag is left open at its end (one that
 * the text after it might close, so that `body` cannot be counted apart from what follows it).
 */
function strip(body: string): { text: string; open: boolean } {
  let text = body;
  let open = false;
  STRIP.forEach(([pattern, replacement], i) => {
    if (i === TAG_STEP) open ||= /<\/?[A-Za-z][^>]*$/.test(text);
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
    if (i === 0) open = text.includes('<!--');
  });
  return { text, open };
}

/** The text a reader sees in a Markdown body (front matter already removed). */
export function readableText(body: string): string {
  return strip(body).text;
}

/** The words of a piece of a body: apart from CJK characters, and CJK characters. */
export interface WordParts {
  latin: number;
  cjk: number;
  /**
   * A comment or a tag is left open at its end. Pieces cut at blank lines add up to the whole
   * body's count when none is open: only those two steps can match across a blank line.
   */
  open: boolean;
}

export function wordParts(body: string): WordParts {
  const { text, open } = strip(body);
  const cjk = text.match(CJK)?.length ?? 0;
  let latin = 0;
  for (const token of text.replace(CJK, ' ').split(/\s+/)) if (WORDISH.test(token)) latin++;
  return { latin, cjk, open };
}

/** Words and reading time from the parts of a body (all of it, or pieces of it none of which is open). */
export function wordsOf(parts: readonly WordParts[]): WordCount {
  let latin = 0;
  let cjk = 0;
  for (const p of parts) {
    latin += p.latin;
    cjk += p.cjk;
  }
  const words = latin + cjk;
  const minutes = words === 0 ? 0 : Math.ceil(latin / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE);
  return { words, cjk, minutes };
}

/** Words and reading time of a Markdown body; pass the body without its front matter. */
export function countWords(body: string): WordCount {
  return wordsOf([wordParts(body)]);
}

/** "1,234 words · 6 min read", "1,234 字 · 阅读约 6 分钟": the status bar's figure in `locale`. */
export function formatWordCount(locale: Locale, { words, minutes }: WordCount): string {
  return minutes === 0 ? format(locale, 'workspace.words', { count: words }) : format(locale, 'workspace.wordsAndReading', { count: words, minutes });
}
