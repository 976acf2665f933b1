import { memo, useMemo, useRef } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import type { Locale } from '../../electron/core/i18n/messages';
import { useLocale, useT } from '../ui/locale';
import { isEsmBlock, mdxImageImports } from '../../electron/core/markdown/mdx';
import { READ_ALL } from '../../electron/core/markdown/site-reading';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { MdxImports, SiteReading } from './elements';
import { bylineDateText } from './byline';
import { nextBlockCut } from './blockItems';
import type { BlockCut, BlockItem } from './blockItems';
import { ImageLookupProvider } from './images';
import type { ImageRefresh } from './images';
import { renderBlock, type PreviewReading } from './pipeline';
import type { GalleryPhoto } from '../../electron/core/markdown/jekyll-figure';
import { RemoteImagesProvider } from './remote-images';

/** What the site's theme shows above the body, taken from the front matter. */
export interface PreviewMeta {
  title: string;
  date: string;
  authors: string[];
  keywords: string[];
  /** The site's time zone (Jekyll's `timezone`): a date with a time and offset shows the day it is there. */
  timeZone?: string;
  /** The front matter's lists of photos a theme's gallery include shows (`gallery:`, by name: jekyll-figure.ts galleryPhotos). */
  galleries?: Record<string, GalleryPhoto[]>;
}

export interface PreviewProps {
  /** The Markdown body (`\n` line endings); the caller defers it so typing paints first. */
  body: string;
  meta: PreviewMeta;
  api: RecapApi;
  recapPath: string | null;
  /** The recap (its draft id): the author's "Load remote images" holds for it. */
  recapKey: string | null;
  /** Bumped when photo files changed, so images looked up before are looked up again. */
  imageRefresh?: ImageRefresh;
  /**
   * How the post's site reads it: as MDX, its import and export statements show nothing and
   * `<img src={hall}>` is the imported file; Liquid links are site paths on Jekyll alone.
   */
  reading?: MarkdownReading;
}

/** A block re-renders only when its own text (plus the document's link definitions) or the language changes. */
/** MDX: an import or export statement renders as nothing, as the site renders it (its box stays, for scroll sync). */
const Block = memo(function Block({ source, first, line, reading }: { source: string; first: boolean; line: number; locale: Locale; reading: PreviewReading }) {
  const esm = reading.mdx && isEsmBlock(source);
  return (
    <div className={first ? 'pv-block is-first' : 'pv-block'} data-line={line} data-esm={esm || undefined}>
      {esm ? null : renderBlock(source, reading)}
    </div>
  );
});

const GROUP = 24;

const sameItems = (a: BlockItem[], b: BlockItem[]): boolean => a.length === b.length && a.every((x, i) => x.key === b[i]!.key && x.line === b[i]!.line && x.source === b[i]!.source);

/**
 * A group of blocks, skipped whole when none of its blocks changed: a keystroke re-renders one
 * group of a long recap, not the thousand blocks of all of them.
 */
const Group = memo(
  function Group({ items, first, locale, reading }: { items: BlockItem[]; first: boolean; locale: Locale; reading: PreviewReading }) {
    return (
      <div className="pv-group">
        {items.map((item, i) => (
          <Block key={item.key} source={item.source} line={item.line} first={first && i === 0} locale={locale} reading={reading} />
        ))}
      </div>
    );
  },
  (a, b) => a.first === b.first && a.locale === b.locale && a.reading === b.reading && sameItems(a.items, b.items),
);

function groups(items: BlockItem[]): BlockItem[][] {
  const out: BlockItem[][] = [];
  for (let i = 0; i < items.length; i += GROUP) out.push(items.slice(i, i + GROUP));
  return out;
}

const PostHeader = memo(function PostHeader({ meta }: { meta: PreviewMeta }) {
  const t = useT();
  const locale = useLocale();
  const byline = [meta.date ? bylineDateText(meta.date, locale, meta.timeZone) : '', meta.authors.join(', ')].filter(Boolean);
  if (!meta.title && byline.length === 0 && meta.keywords.length === 0) return null;
  return (
    <header className="pv-header">
      <h1 className={`pv-title${meta.title ? '' : ' is-empty'}`}>{meta.title || t('preview.untitled')}</h1>
      {byline.length > 0 && <p className="pv-byline">{byline.join(' · ')}</p>}
      {meta.keywords.length > 0 && (
        <p className="pv-keywords">
          {meta.keywords.map((k) => (
            <span key={k} className="pv-keyword">
              {k}
            </span>
          ))}
        </p>
      )}
    </header>
  );
});

/**
 * The blocks of `body`. A keystroke changes a block or two: only those are cut and hashed again,
 * the others are the last render's; the block typed into keeps its key, so its element is updated
 * in place (see nextBlockCut).
 */
function useBlockItems(body: string): BlockItem[] {
  const last = useRef<BlockCut | null>(null);
  return useMemo<BlockItem[]>(() => {
    last.current = nextBlockCut(last.current, body);
    return last.current.items;
  }, [body]);
}

function Preview({ body, meta, api, recapPath, recapKey, imageRefresh, reading = READ_ALL }: PreviewProps) {
  const t = useT();
  const locale = useLocale();
  const items = useBlockItems(body);
  // The same imports keep the same map, so a keystroke does not re-render every image.
  const importsKey = reading.mdx ? JSON.stringify([...mdxImageImports(body)]) : null;
  const imports = useMemo(() => (importsKey === null ? null : new Map<string, string>(JSON.parse(importsKey) as Array<[string, string]>)), [importsKey]);
  // The blocks' reading carries the galleries; the same object while they say the same.
  const galleriesKey = meta.galleries !== undefined && Object.keys(meta.galleries).length > 0 ? JSON.stringify(meta.galleries) : null;
  const blockReading = useMemo<PreviewReading>(() => (galleriesKey === null ? reading : { ...reading, galleries: JSON.parse(galleriesKey) as Record<string, GalleryPhoto[]> }), [reading, galleriesKey]);

  return (
    <RemoteImagesProvider recapKey={recapKey}>
      <ImageLookupProvider api={api} recapPath={recapPath} refresh={imageRefresh}>
        <SiteReading.Provider value={reading}>
        <MdxImports.Provider value={imports}>
          <article className="pv" data-testid="preview" aria-label={t('preview.label')}>
            <PostHeader meta={meta} />
            {items.length === 0 ? (
              <p className="pv-empty">{t('preview.empty')}</p>
            ) : items.length <= GROUP ? (
              items.map((item, i) => <Block key={item.key} source={item.source} line={item.line} first={i === 0} locale={locale} reading={blockReading} />)
            ) : (
              // Long recaps: off-screen groups of blocks skip style, layout and paint. Groups, not
              // single blocks, so the browser tracks dozens of boxes instead of a thousand.
              groups(items).map((group, g) => <Group key={g} items={group} first={g === 0} locale={locale} reading={blockReading} />)
            )}
          </article>
        </MdxImports.Provider>
        </SiteReading.Provider>
      </ImageLookupProvider>
    </RemoteImagesProvider>
  );
}

export default memo(Preview);
