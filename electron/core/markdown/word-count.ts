// Word count and reading time of a recap's body, as a word processor counts the text a reader
// sees: Markdown syntax, HTML tags, link URLs and images are not words; a link counts its
// text. Chinese and Japanese have no spaces between words, so each of their characters counts
// as one word, as Word, WPS and Pages count them.

import { format, type Locale } from '../i18n/messages';
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

// Each step removes one kind of syntax; order matters (images before links, fences before code).
const STRIP: [RegExp, string][] = [
  [/<!--[\s\S]*?-->/g, ' '],
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
  [/<\/?[A-Za-z][^>]*>/g, ' '],
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

/** The text a reader sees in a Markdown body (front matter already removed). */
export function readableText(body: string): string {
  let text = body;
  for (const [pattern, replacement] of STRIP) text = text.replace(pattern, replacement);
  return text;
}

/** Words and reading time of a Markdown body; pass the body without its front matter. */
export function countWords(body: string): WordCount {
  const text = readableText(body);
  const cjk = text.match(CJK)?.length ?? 0;
  let latin = 0;
  for (const token of text.replace(CJK, ' ').split(/\s+/)) if (WORDISH.test(token)) latin++;
  const words = latin + cjk;
  const minutes = words === 0 ? 0 : Math.ceil(latin / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE);
  return { words, cjk, minutes };
}

/** "1,234 words · 6 min read", "1,234 字 · 阅读约 6 分钟": the status bar's figure in `locale`. */
export function formatWordCount(locale: Locale, { words, minutes }: WordCount): string {
  return minutes === 0 ? format(locale, 'workspace.words', { count: words }) : format(locale, 'workspace.wordsAndReading', { count: words, minutes });
}
