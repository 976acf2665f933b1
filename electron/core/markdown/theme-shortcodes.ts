// Hugo themes' own shortcodes that show a photo. Most find one of the page bundle by its name, not
// by a link: Congo's and Blowfish's `{{< screenshot src="stage.jpg" >}}` (their template takes
// `.Page.Resources.GetMatch "*stage.jpg*"`), Docsy's `{{< imgproc stage Fill "600x300" >}}`
// (`GetMatch "**stage*"`), Blowfish's `{{< carousel images="gallery/*" >}}` (every match); Hugo's
// build stops when a GetMatch finds no file. Hextra's `{{< card image="…" >}}` and the LoveIt
// family's (LoveIt, FixIt, DoIt) `{{< image src="…" >}}` look their value up as Hugo's figure does
// its src. Where the post's site uses such a theme
// (MarkdownReading.themeShortcodes), the link finder reads each call as an image, looked up by its
// pattern (containment.ts, `match`) or as a figure's src, so lint, export, the tray and the
// preview agree on which photo it shows and say when it shows none.
//
// Pure module (no Node imports): the page's tray and the service's finder share it.

import { FIGURE_MARK, plainInline } from './hugo-figure';

/** A theme shortcode that shows a photo one of its parameters names. */
interface ThemeShortcode {
  /** The parameter naming the photo: a name (`src`) or a position (0). */
  param: string | number;
  /**
   * The pattern its template gives `.Resources.GetMatch`; none for one that looks its value up as
   * Hugo's figure looks up its src (the page's resource, the site's assets/, else the address as
   * written: Hextra's card).
   */
  pattern?: (value: string) => string;
  /** The parameter shown as the photo's caption, where not `caption` (Hextra's card shows its `title`). */
  captionParam?: string;
  /**
   * Where a call gives its parameters by position (Hugo gives a call named or positional ones, not
   * both: FixIt's `{{< image "stage.jpg" "The stage" "A caption" >}}`), the photo's, the alt's and
   * the caption's positions.
   */
  positions?: { photo: number; alt: number; caption: number };
  /**
   * Other named parameters that name a version of the same photo, each looked up as its own (the
   * LoveIt family's small and large ones, `src_s` and `src_l`, for its srcset): used and carried
   * as the photo is, never shown apart from it.
   */
  versions?: readonly string[];
  /** The themes that have it, as their folder or module path names them. */
  themes: readonly string[];
  /** It takes an inner text (`{{< imgproc … >}}text{{< /imgproc >}}`), shown as the photo's caption. */
  inner?: true;
  /**
   * Its value is a list of patterns (`{gallery/01.jpg,gallery/02.jpg}`, or one: `gallery/*`),
   * each taking every file it matches (`.Resources.Match`), a web address none; one that matches
   * nothing shows nothing, and Hugo builds on.
   */
  list?: true;
}

export const THEME_SHORTCODES: Readonly<Record<string, ThemeShortcode>> = {
  screenshot: { param: 'src', pattern: (v) => `*${v}*`, themes: ['congo', 'blowfish'] },
  imgproc: { param: 0, pattern: (v) => `**${v}*`, themes: ['docsy'], inner: true },
  carousel: { param: 'images', pattern: (v) => v, themes: ['blowfish'], list: true },
  card: { param: 'image', themes: ['hextra'], captionParam: 'title' },
  image: { param: 'src', themes: ['loveit', 'fixit', 'doit'], positions: { photo: 0, alt: 1, caption: 2 }, versions: ['src_s', 'src_l'] },
};

/**
 * The theme shortcodes a Hugo site has, from the themes its config names (`theme = "congo"`, a
 * module import `github.com/jpanther/congo/v2`), less those the site writes itself
 * (`ownShortcodes`: its layouts/ may do anything with them). Sorted; none when no theme is known.
 */
export function themeShortcodesOf(themes: readonly string[], ownShortcodes: readonly string[] = []): string[] {
  const names = new Set(themes.map(themeName).filter((n) => n !== ''));
  return Object.entries(THEME_SHORTCODES)
    .filter(([name, code]) => !ownShortcodes.includes(name) && code.themes.some((t) => names.has(t)))
    .map(([name]) => name)
    .sort();
}

/** A theme's name from how a config names it: a folder (`congo`), or a module path (`github.com/jpanther/congo/v2`: `congo`). */
export function themeName(said: string): string {
  const parts = said.trim().toLowerCase().split('/').filter((p) => p !== '' && !/^v\d+$/.test(p));
  return (parts[parts.length - 1] ?? '').replace(/^hugo-(?:theme-)?|-theme$/g, '');
}

/** One call of a theme shortcode that names a photo. Offsets into the text given. */
export interface ShortcodePhoto {
  shortcode: string;
  /** The parameter's value as the template reads it, and where it is written. */
  value: string;
  valueStart: number;
  /** The pattern the theme matches the bundle's files with (`*stage.jpg*`); null for a value looked up as a figure's src (ThemeShortcode.pattern). */
  pattern: string | null;
  /** It takes every file the pattern matches, and none is no error (ThemeShortcode.list). */
  all?: true;
  /** A version of the call's photo (ThemeShortcode.versions): used and carried, not shown apart. */
  version?: true;
  /** Where the call starts (`{{<`) and ends (after `>}}`). */
  start: number;
  end: number;
  /** Its `alt` and `caption` (Congo's screenshot shows them), as written. */
  alt: string | null;
  caption: string | null;
}

const space = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';
/** A call is read to its close, never over a blank line nor this far. */
const MAX_CALL = 2000;

/**
 * The parameters of the call whose name ends at `at`, read as Hugo's shortcode lexer reads them
 * (named `k="v"`, positional, double- or back-quoted, or bare), up to `>}}` or `%}}`; null when it
 * does not close.
 */
function readParams(text: string, at: number, close: string): { named: Map<string, { value: string; start: number }>; positional: Array<{ value: string; start: number }>; end: number } | null {
  const named = new Map<string, { value: string; start: number }>();
  const positional: Array<{ value: string; start: number }> = [];
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = at;
  const limit = Math.min(blank.exec(text)?.index ?? text.length, at + MAX_CALL);
  let i = at;
  while (i < limit) {
    while (i < limit && space(text[i])) i++;
    if (text.startsWith(close, i)) return { named, positional, end: i + close.length };
    if (text[i] === '/' && text.startsWith(close, i + 1)) return { named, positional, end: i + 1 + close.length };
    const name = /^([\w-]+)[ \t]*=[ \t]*/.exec(text.slice(i, i + 200));
    if (name) i += name[0].length;
    const q = text[i];
    let value: { value: string; start: number };
    if (q === '"' || q === '`') {
      const end = text.indexOf(q, i + 1);
      if (end === -1 || end >= limit || (q === '"' && text.slice(i + 1, end).includes('\n'))) return null;
      value = { value: text.slice(i + 1, end), start: i + 1 };
      i = end + 1;
    } else {
      const start = i;
      while (i < limit && !space(text[i]) && !text.startsWith(close, i) && !text.startsWith(`/${close}`, i)) i++;
      if (i === start) return null;
      value = { value: text.slice(start, i), start };
    }
    if (name) named.set(name[1] ?? '', value);
    else positional.push(value);
  }
  return null;
}

// The calls of `names` (theme shortcodes, THEME_SHORTCODES) in a body that name a photo, in
// order. Hugo runs a shortcode wherever it is written (in a code block too); a call written as
// text (`{{</* screenshot */>}}`) is none.
export function findShortcodePhotos(text: string, names: readonly string[]): ShortcodePhoto[] {
  const known = names.filter((n) => THEME_SHORTCODES[n] !== undefined);
  if (known.length === 0 || !text.includes('{{')) return [];
  const open = new RegExp(`\\{\\{([<%])[ \\t]*(${known.join('|')})(?=[\\s/>%])`, 'g');
  const out: ShortcodePhoto[] = [];
  for (const m of text.matchAll(open)) {
    const shortcode = m[2] ?? '';
    const code = THEME_SHORTCODES[shortcode];
    const params = code ? readParams(text, m.index + m[0].length, m[1] === '%' ? '%}}' : '>}}') : null;
    if (!code || !params) continue;
    // A call of positional parameters, where the shortcode reads them so.
    const at = code.positions !== undefined && params.named.size === 0 ? code.positions : null;
    const got = at !== null ? params.positional[at.photo] : typeof code.param === 'number' ? params.positional[code.param] : params.named.get(code.param);
    const said = (name: string, position: number | undefined): string | null => (at !== null && position !== undefined ? params.positional[position] : params.named.get(name))?.value ?? null;
    const call = { shortcode, start: m.index, end: params.end, alt: said('alt', at?.alt), caption: said(code.captionParam ?? 'caption', at?.caption) };
    if (got && code.list === true) out.push(...listItems(got).map((item) => ({ ...call, ...item, pattern: item.value, all: true as const })));
    else if (got && followable(got.value)) out.push({ ...call, value: got.value, valueStart: got.start, pattern: code.pattern ? code.pattern(got.value) : null });
    for (const name of at === null ? (code.versions ?? []) : []) {
      const version = params.named.get(name);
      if (version && followable(version.value)) out.push({ ...call, value: version.value, valueStart: version.start, pattern: null, version: true });
    }
  }
  return out;
}

/** A value with a template or a glob of its own is not a name this reader can follow. */
const followable = (value: string): boolean => value.trim() !== '' && !/[{}*?[\]\n]/.test(value);

/**
 * The patterns of a list value as Blowfish's carousel splits it: the braces around it taken off,
 * cut at each comma, nothing trimmed (` b.jpg` matches no file); a web address, an empty item or
 * one with a template is none.
 */
function listItems(got: { value: string; start: number }): Array<{ value: string; valueStart: number }> {
  if (got.value.includes('{{') || got.value.includes('\n')) return [];
  const open = got.value.startsWith('{') ? 1 : 0;
  const inner = got.value.slice(open, got.value.endsWith('}') ? -1 : undefined);
  const out: Array<{ value: string; valueStart: number }> = [];
  let at = got.start + open;
  for (const item of inner.split(',')) {
    if (item !== '' && !/^https?:/.test(item)) out.push({ value: item, valueStart: at });
    at += item.length + 1;
  }
  return out;
}

/** How a call shows in messages and on the tray: `{{< screenshot >}}`. */
export const shortcodeLabel = (shortcode: string): string => `{{< ${shortcode} >}}`;

/** Whether a tray key (PhotosHandle.fields) is a call's label (shortcodeLabel), not a front-matter field's name. */
export const isShortcodeLabel = (key: string): boolean => key.startsWith('{{< ');

/** The attribute that marks a theme shortcode's photo in the preview's HTML (its value: the shortcode). */
export const MATCH_MARK = 'data-theme-match';

const escapeHtml = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * What the preview shows for a call (`more`: the other patterns of a list's): its photo (`src` is the pattern, looked up among the
 * bundle's files as lint looks it up) in a figure, its alt, else its caption as alt text, and its
 * caption under it (Markdown, as the theme's `markdownify` reads it: hugo-captions.ts), on one line.
 */
export function shortcodePreviewHtml(call: ShortcodePhoto, more: readonly ShortcodePhoto[] = []): string {
  const flat = (v: string): string => escapeHtml(v.replace(/\s*\n\s*/g, ' '));
  // Without an alt, the caption as plain text (the theme's `markdownify | plainify`).
  const alt = call.alt ?? (call.caption !== null ? plainInline(call.caption) : '');
  // A carousel's patterns (ThemeShortcode.list): the first photo of each, as its slides start.
  // A value looked up as a figure's src is one (hugo-figure.ts FIGURE_MARK); a pattern is looked up among the bundle's files.
  const mark = (c: ShortcodePhoto): string => (c.pattern === null ? `${FIGURE_MARK}="" src="${escapeHtml(c.value)}"` : `${MATCH_MARK}="${escapeHtml(c.shortcode)}" src="${escapeHtml(c.pattern)}"`);
  const imgs = [call, ...more].map((c) => `<img ${mark(c)} alt="${flat(alt)}"/>`).join('');
  const img = `<figure>${imgs}`;
  // Its inner text is the caption, up to its closing call (shortcodeCloses: `</figcaption></figure>`).
  if (THEME_SHORTCODES[call.shortcode]?.inner === true) return `${img}<figcaption>`;
  const caption = call.caption !== null ? `<figcaption><span data-hugo-markdown="">${flat(call.caption)}</span></figcaption>` : '';
  return `${img}${caption}</figure>`;
}

/** What the preview shows for a closing call: the end of the caption and figure its call opened. */
export const CLOSE_HTML = '</figcaption></figure>';

/** The closing calls of those of `names` that take an inner text (`{{< /imgproc >}}`), in a text: offsets and text. */
export function shortcodeCloses(text: string, names: readonly string[]): Array<{ start: number; written: string }> {
  const known = names.filter((n) => THEME_SHORTCODES[n]?.inner === true);
  if (known.length === 0 || !text.includes('{{')) return [];
  const close = new RegExp(`\\{\\{([<%])[ \\t]*\\/[ \\t]*(?:${known.join('|')})[ \\t]*[>%]\\}\\}`, 'g');
  return [...text.matchAll(close)].map((m) => ({ start: m.index, written: m[0] }));
}
