// The figure include of the most used Jekyll themes, the way their posts show a photo with a
// caption: al-folio's `{% include figure.liquid path="assets/img/9.jpg" class="img-fluid" %}`
// (`figure.html` before 2024), Minimal Mistakes' `{% include figure image_path="/assets/a.jpg"
// alt="…" caption="…" %}`. Jekyll runs the Liquid before the Markdown: the include writes an
// <img> in a <figure>, its src the parameter through `relative_url` (`assets/img/9.jpg` is the
// site path `/assets/img/9.jpg`). On a post its site reads Liquid in (site-reading.ts), the link
// finder, lint, export, the preview and the photo tray all read one as that image; elsewhere it
// is text, as published.
//
// Only the parameter these includes take is read (`path`, `image_path`), quoted, as Jekyll's
// include tag parses it; a value that is a variable (`path=page.cover`), a call Jekyll refuses
// (`Invalid syntax for include tag`) or one over a blank line is no image we can follow: text.
//
// Pure module (no Node imports): the page's preview and tray and the service's finder share it.

import type { HtmlImgTag, TagValue } from './html-img';

/** One figure include: an HtmlImgTag (its photo's value as src, alt) so the tray reads it as it reads an `<img>`. */
export interface FigureInclude extends HtmlImgTag {
  /** The include's file name (`figure.liquid`). */
  include: string;
  /** `{% include figure.liquid`: from `start` to here. */
  openEnd: number;
  /** Where `%}` (or `-%}`) starts; the call ends at `end`. */
  closeStart: number;
  /** Its `caption`, as Jekyll passes it on (escapes taken out). */
  caption: string | null;
  /** Every `name=value` of the call, in order. */
  params: IncludeParam[];
}

export interface IncludeParam {
  name: string;
  /** From the name's first character to just after the value (its closing quote included). */
  start: number;
  end: number;
  /** Where the value starts (after its opening quote); its quote ('' for a variable). */
  value: TagValue;
}

/** The photo parameter of each include a theme ships (Minimal Mistakes' has no extension). */
const PHOTO_PARAM: Record<string, string> = { 'figure.liquid': 'path', 'figure.html': 'path', figure: 'image_path' };

const OPEN = /\{%-?[ \t]*include[ \t]+(figure(?:\.liquid|\.html)?)(?=[ \t\r\n])/g;
/** A call never runs over a blank line here (Markdown's block would end there), nor this far. */
const MAX_CALL = 2000;
const PARAM = /([\w-]+)[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|([\w.-]+))/y;
const CLOSE = /-?%\}/y;
const GAP = /[ \t]*(?:\r?\n[ \t]*)?/y;

/** A value as Jekyll passes it on: `\"` in a double-quoted one is `"`, `\'` in a single-quoted one `'`. */
export function includeValue(value: TagValue): string {
  if (value.quote === '"') return value.raw.replace(/\\"/g, '"');
  return value.quote === "'" ? value.raw.replace(/\\'/g, "'") : value.raw;
}

/** The site path `relative_url` makes of a value: a URL with a scheme as it is, else from the site's root. */
export function includeUrl(value: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `/${value.replace(/^\/+/, '')}`;
}

/** An include call's parameters and where it closes, as Jekyll's include tag parses it. */
interface IncludeCall {
  params: IncludeParam[];
  closeStart: number;
  end: number;
}

/** The parameters of the call whose name ends at `openEnd`, or null when Jekyll would refuse it (or this reader cannot follow it). */
function readCall(text: string, at: number, openEnd: number): IncludeCall | null {
  const blank = /\n[ \t]*(?:\n|$)/g;
  blank.lastIndex = at;
  const limit = Math.min(blank.exec(text)?.index ?? text.length, at + MAX_CALL);
  const params: IncludeParam[] = [];
  let i = openEnd;
  for (;;) {
    GAP.lastIndex = i;
    i = GAP.exec(text) !== null ? GAP.lastIndex : i;
    if (i >= limit) return null;
    CLOSE.lastIndex = i;
    if (CLOSE.exec(text) !== null) return { params, closeStart: i, end: CLOSE.lastIndex };
    PARAM.lastIndex = i;
    const m = PARAM.exec(text);
    if (m === null || PARAM.lastIndex > limit) return null;
    const quoted = m[2] ?? m[3];
    const quote = m[2] !== undefined ? '"' : m[3] !== undefined ? "'" : '';
    const raw = quoted ?? m[4] ?? '';
    const valueStart = PARAM.lastIndex - raw.length - (quote === '' ? 0 : 1);
    params.push({ name: m[1] ?? '', start: i, end: PARAM.lastIndex, value: { raw, start: valueStart, end: valueStart + raw.length, quote } });
    i = PARAM.lastIndex;
    // Jekyll takes a parameter only where a space or the close follows it.
    if (!/[ \t\r\n%-]/.test(text[i] ?? '')) return null;
  }
}

/** The call that opens at `at`, or null when it is not one this reader can follow. */
function readInclude(text: string, at: number, include: string, openEnd: number): FigureInclude | null {
  const call = readCall(text, at, openEnd);
  return call === null ? null : callOf(text, at, include, openEnd, call.closeStart, call.end, call.params);
}

function callOf(text: string, start: number, include: string, openEnd: number, closeStart: number, end: number, params: IncludeParam[]): FigureInclude | null {
  // A parameter given twice: Jekyll keeps the last.
  const last = (name: string): IncludeParam | undefined => params.filter((p) => p.name === name).pop();
  const photo = last(PHOTO_PARAM[include] ?? '');
  if (photo === undefined || photo.value.quote === '' || includeValue(photo.value).trim() === '') return null;
  const alt = last('alt');
  const caption = last('caption');
  return {
    name: 'img',
    start,
    end,
    src: photo.value,
    alt: alt !== undefined && alt.value.quote !== '' ? alt.value : null,
    srcset: null,
    afterSrc: photo.end,
    include,
    openEnd,
    closeStart,
    caption: caption !== undefined && caption.value.quote !== '' ? includeValue(caption.value) : null,
    params,
  };
}

/** Whether a text may hold a figure include: the quick test before reading it. */
export function mayHaveFigureInclude(text: string): boolean {
  return text.includes('{%') && /\{%-?[ \t]*include[ \t]+figure/.test(text);
}

const RAW = /\{%-?[ \t]*raw[ \t]*-?%\}[\s\S]*?\{%-?[ \t]*endraw[ \t]*-?%\}/g;

/** Whether `at` is inside a `{% raw %}…{% endraw %}` of `text`, whose Liquid Jekyll publishes as written (the themes' docs show their includes so). */
function inRaw(text: string, at: number): boolean {
  if (!text.includes('raw')) return false;
  for (const m of text.matchAll(RAW)) if (m.index < at && at < m.index + m[0].length) return true;
  return false;
}

/** The figure includes that open in `[from, to)` of `text` (they may end after `to`). */
export function figureIncludesIn(text: string, from: number, to: number): FigureInclude[] {
  const out: FigureInclude[] = [];
  if (!text.slice(from, to).includes('{%')) return out;
  const open = new RegExp(OPEN.source, 'g');
  open.lastIndex = from;
  for (let m = open.exec(text); m !== null && m.index < to; m = open.exec(text)) {
    if (inRaw(text, m.index)) continue;
    const call = readInclude(text, m.index, m[1] ?? '', m.index + m[0].length);
    if (call) {
      out.push(call);
      open.lastIndex = call.end;
    }
  }
  return out;
}

/** Every figure include of a text, in order. */
export function findFigureIncludes(text: string): FigureInclude[] {
  return mayHaveFigureInclude(text) ? figureIncludesIn(text, 0, text.length) : [];
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A parameter with nothing else on its line: taken out, it would leave a blank line, which ends the HTML there. */
function aloneOnLine(text: string, p: IncludeParam): boolean {
  const start = text.lastIndexOf('\n', p.start - 1) + 1;
  const end = text.indexOf('\n', p.end);
  return text.slice(start, p.start).trim() === '' && text.slice(p.end, end === -1 ? text.length : end).trim() === '';
}

/**
 * What an HTML reader reads in place of a call's pieces, each on one line (so a place in the
 * text maps back by columns, and its src and alt stay where they are written): the open
 * `{% include figure.liquid` is `<figure><img`, the photo's name `src=` and its value the site
 * path, an alt's value as HTML reads it, every other parameter nothing, and the close `/>` with
 * the caption the include writes and `</figure>`.
 */
export function includeRewrites(call: FigureInclude, text: string): Array<{ offset: number; written: string; resolved: string }> {
  const out: Array<{ offset: number; written: string; resolved: string }> = [{ offset: call.start, written: text.slice(call.start, call.openEnd), resolved: '<figure><img' }];
  for (const p of call.params) {
    if (p.value === call.src) {
      out.push({ offset: p.start, written: text.slice(p.start, p.value.start), resolved: `src=${p.value.quote}` });
      out.push({ offset: p.value.start, written: p.value.raw, resolved: escapeHtml(includeUrl(includeValue(p.value))) });
    } else if (p.value === call.alt) {
      if (p.value.raw !== '') out.push({ offset: p.value.start, written: p.value.raw, resolved: escapeHtml(includeValue(p.value)) });
    } else out.push({ offset: p.start, written: text.slice(p.start, p.end), resolved: aloneOnLine(text, p) ? 'data-param=""' : '' });
  }
  const caption = call.caption !== null && call.caption.trim() !== '' ? `<figcaption>${escapeHtml(call.caption)}</figcaption>` : '';
  out.push({ offset: call.closeStart, written: text.slice(call.closeStart, call.end), resolved: `/>${caption}</figure>` });
  return out;
}

/** A parameter's value as Jekyll passes it on, when written as a quoted text (the last one given); null for none or a variable. */
function textParam(params: readonly IncludeParam[], name: string): string | null {
  const p = params.filter((q) => q.name === name).pop();
  return p !== undefined && p.value.quote !== '' ? includeValue(p.value) : null;
}

/**
 * Minimal Mistakes' gallery include, `{% include gallery id="gallery2" caption="The day." %}`: the
 * photos of a front-matter list (`gallery`, or the one its `id` names) in a `<figure>`, half or a
 * third of the width each (`layout`, else by how many there are), its caption under them.
 */
export interface GalleryInclude {
  start: number;
  end: number;
  /** The front-matter list it shows. */
  list: string;
  caption: string | null;
  /** `half`, `third` or '' (one photo: the whole width), as the theme picks it. */
  layout: string | null;
}

/** A photo of a gallery's list: its `image_path` (the photo shown), its `url` (the larger one it links), `alt` and `title`. */
export interface GalleryPhoto {
  src: string;
  alt: string;
  title: string | null;
}

const GALLERY_OPEN = /\{%-?[ \t]*include[ \t]+gallery(?=[ \t\r\n]|-?%\})/g;

/** Every gallery include of a text whose call Jekyll takes, in order. */
export function findGalleryIncludes(text: string): GalleryInclude[] {
  const out: GalleryInclude[] = [];
  if (!text.includes('{%')) return out;
  const open = new RegExp(GALLERY_OPEN.source, 'g');
  for (let m = open.exec(text); m !== null; m = open.exec(text)) {
    const call = inRaw(text, m.index) ? null : readCall(text, m.index, m.index + m[0].length);
    if (call === null) continue;
    out.push({ start: m.index, end: call.end, list: textParam(call.params, 'id') ?? 'gallery', caption: textParam(call.params, 'caption'), layout: textParam(call.params, 'layout') });
    open.lastIndex = call.end;
  }
  return out;
}

/** The photos a front-matter value lists as a gallery does (items that are maps with a text `image_path`). */
export function galleryPhotos(value: unknown): GalleryPhoto[] {
  if (!Array.isArray(value)) return [];
  const out: GalleryPhoto[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const { image_path: src, alt, title } = item as Record<string, unknown>;
    if (typeof src !== 'string' || src.trim() === '') continue;
    out.push({ src: src.trim(), alt: typeof alt === 'string' ? alt : '', title: typeof title === 'string' ? title : null });
  }
  return out;
}

/**
 * The HTML the theme's include writes for `call` (its `_includes/gallery`), from the photos of
 * the list it names (`photos`): each `<img>` at the site path relative_url makes, its alt and
 * title; the caption as text. A list with no photo writes an empty figure, as the theme does.
 */
export function galleryHtml(call: GalleryInclude, photos: readonly GalleryPhoto[]): string {
  const layout = call.layout ?? (photos.length === 2 ? 'half' : photos.length >= 3 ? 'third' : '');
  const cls = ['recap-gallery', ...(layout === 'half' || layout === 'third' ? [`recap-gallery-${layout}`] : [])].join(' ');
  const imgs = photos.map((p) => `<img src="${escapeHtml(includeUrl(p.src))}" alt="${escapeHtml(p.alt)}"${p.title !== null ? ` title="${escapeHtml(p.title)}"` : ''} />`).join('');
  const caption = call.caption !== null && call.caption.trim() !== '' ? `<figcaption>${escapeHtml(call.caption)}</figcaption>` : '';
  return `<figure class="${cls}">${imgs}${caption}</figure>`;
}
