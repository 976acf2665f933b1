import { useMemo, useState } from 'react';
import type { SiteProfile } from '../../electron/core/contract';
import { editorBody, splitRecap } from '../../electron/core/frontmatter/split';
import type { RecapParts } from '../../electron/core/frontmatter/split';
import { listFromValue } from '../../electron/core/frontmatter/values';
import { galleryPhotos, type GalleryPhoto } from '../../electron/core/markdown/jekyll-figure';
import { bylineDate } from '../preview/byline';
import { authorName } from '../ui/author-names';
import type { PreviewMeta } from '../preview/Preview';
import { useAfterPaint } from '../ui/useAfterPaint';
import { useFrontMatter } from './frontMatterModule';
import type { RecapDocument } from './useRecapDocument';

type ReadFrontMatter = typeof import('../../electron/core/frontmatter/frontmatter').readFrontMatter;

/** The front matter's lists that a gallery include can show (any list of maps with an `image_path`), by name. */
function galleriesOf(fields: ReadonlyArray<{ key: string; value: unknown }>): Pick<PreviewMeta, 'galleries'> {
  const galleries: Record<string, GalleryPhoto[]> = {};
  for (const f of fields) {
    const photos = galleryPhotos(f.value);
    if (photos.length > 0) galleries[f.key] = photos;
  }
  return Object.keys(galleries).length > 0 ? { galleries } : {};
}

function previewMeta(readFrontMatter: ReadFrontMatter, head: string, profile: SiteProfile): PreviewMeta {
  const { fields } = readFrontMatter(head);
  const value = (key: string | undefined) => (key === undefined ? undefined : fields.find((f) => f.key === key)?.value);
  const text = (key: string | undefined): string => {
    const v = value(key);
    return typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
  };
  const titleKey = profile.fields.find((f) => f.key === 'title')?.key ?? profile.fields.find((f) => f.type === 'string')?.key;
  return {
    title: text(titleKey),
    date: bylineDate(text(profile.fields.find((f) => f.type === 'date')?.key), profile),
    // Docusaurus shows an authors.yml key by the name the file gives it.
    authors: listFromValue(value(profile.fields.find((f) => f.type === 'names')?.key)).map((a) => authorName(profile.authorNames, a)),
    keywords: listFromValue(value(profile.fields.find((f) => f.type === 'tags')?.key), profile.fields.find((f) => f.type === 'tags')?.separator),
    ...(profile.timezone !== undefined ? { timeZone: profile.timezone } : {}),
    ...galleriesOf(fields),
  };
}

export interface RecapViews {
  text: string | null;
  parts: RecapParts | null;
  /** The text before the body: BOM, fences and front matter. */
  headText: string;
  body: string;
  profile: SiteProfile | null;
  /** The front-matter parsers have loaded (the workspace waits for them). */
  parsers: boolean;
  /**
   * The fields the preview shows (title, byline, tags). null until the parsers have loaded and,
   * for a recap just opened, until the frame that shows its text has painted: its front matter is
   * first read in the frame after (see `fieldsRead`).
   */
  meta: PreviewMeta | null;
  /** The recap's title: the front matter's (meta's), else as the service read it when it opened the recap. */
  title: string;
  /** The body, the text before it and the meta as of the last painted frame (the preview and the photos follow them). */
  deferredBody: string;
  deferredHead: string;
  deferredMeta: PreviewMeta | null;
}

/** What the preview and the photos see with no recap open, and before a recap's first painted frame. */
const NOTHING_YET: { body: string; head: string; meta: PreviewMeta | null } = { body: '', head: '', meta: null };

/** Views derived from the one text. */
/** `typed`: `doc` was committed after the frame that showed the keystroke (see useRecapDocument). */
export function useRecapViews(doc: RecapDocument | null, onError?: (err: unknown) => void, typed = false): RecapViews {
  const text = doc?.text ?? null;
  const parts = useMemo(() => (text === null ? null : splitRecap(text)), [text]);
  const headText = text !== null && parts ? text.slice(0, text.length - parts.body.length) : '';
  const body = useMemo(() => (text === null ? '' : editorBody(text)), [text]);
  const profile = doc?.profile ?? null;
  const fm = useFrontMatter(doc !== null, onError);
  // A recap just opened takes keys before its front matter is read: the first parse (10–30 ms on
  // a 2-core machine, the YAML parser's first run compiling it) comes in the frame after the text
  // shows, with the form; until then the draft's title names the window.
  const fieldsRead = useAfterPaint(doc !== null && fm !== null);
  const meta = useMemo(() => (profile && fm && fieldsRead ? previewMeta(fm.readFrontMatter, headText, profile) : null), [headText, profile, fm, fieldsRead]);
  // The preview and the photos follow the text one painted frame behind, so typing never waits
  // for them. Once the fields are read, the first text is theirs at once: nothing of theirs is on
  // screen before it (the preview comes frames later), and following it a frame behind cost two
  // more renders of the workspace as it started, and a word count 400 ms late.
  const [shown, setShown] = useState(false);
  if (shown !== (meta !== null)) setShown(meta !== null);
  const atOnce = typed || (meta !== null && !shown);
  const latest = useMemo(() => (text === null ? NOTHING_YET : { body, head: headText, meta }), [text, body, headText, meta]);
  const later = useAfterPaint(latest, atOnce, NOTHING_YET);
  const title = meta?.title ?? doc?.draft.title.trim() ?? '';
  return { text, parts, headText, body, profile, parsers: fm !== null, meta, title, deferredBody: later.body, deferredHead: later.head, deferredMeta: later.meta };
}
