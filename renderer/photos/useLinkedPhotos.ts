// The tray's "Also in this recap": the images the text links from outside the photo folder, and
// what can be done with a file the recap does not own — show its links in the text, take them
// out, or copy the image into the folder and point the links at the copy (one undo step). Never
// delete it: other posts may share it.
//
// The list is asked again only when the set of linked URLs changes (the tray's uses, kept across
// keystrokes by photoUsesCache.ts), when the folder is listed again, or another recap opens.

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LinkedPhoto } from '../../electron/core/contract';
import { editorBody, withBody } from '../../electron/core/frontmatter/split';
import { linkedAs, photoRefs, removePhotoLinks, replacePhotoUrl, samePhotoUrl } from '../../electron/core/markdown/photo-text';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { errorMessage } from '../api';
import { t } from '../ui/locale';
import { revealLine } from '../workspace/editing/caret';
import { coverOf, fieldPhotoUrl, type CoverReading } from '../../electron/core/recap/cover';
import { frontMatter } from '../workspace/frontMatterModule';
import { fieldsNaming, figureUrls, folderPath, linkedUrls } from './linkedUrls';
import { readingNow } from './postReading';
import type { PhotoShared, PhotosHandle } from './photoTypes';
import { textarea, type CaretPlacement } from './useCaretPlacement';
import type { PhotoFolder } from './usePhotoFolder';
import { relinkFields, setCoverField, useFolderRequest } from './useTrayActions';

export type LinkedActions = Pick<PhotosHandle, 'linked' | 'showUses' | 'removeLinks' | 'copyIntoFolder'>;


/** No linked photo: one array, so that an answer with none renders nothing. */
const NONE: LinkedPhoto[] = [];

/** The new answer, or the one shown when it says the same (a relist on focus renders nothing). */
function sameOr(shown: LinkedPhoto[], list: LinkedPhoto[]): LinkedPhoto[] {
  if (list.length === 0) return NONE;
  return JSON.stringify(shown) === JSON.stringify(list) ? shown : list;
}

/** The service's answer for the text's links, asked again when they (or the folder's list) change. */
function useLinkedList(shared: PhotoShared, folder: PhotoFolder, { uses, cover, fields }: TextPhotos): LinkedPhoto[] {
  const { opts } = shared;
  const { api, path } = opts.current;
  const [linked, setLinked] = useState<LinkedPhoto[]>(NONE);
  // The front matter's photos: the cover and the other fields' (looked for as the cover is).
  const named = useMemo(() => [...(cover !== null ? [cover] : []), ...fields.map((f) => f.url)], [cover, fields]);
  const key = useMemo(() => linkedUrls(uses, named).join('\n'), [uses, named]);
  const figureKey = useMemo(() => figureUrls(uses).join('\n'), [uses]);
  const urls = useMemo(() => (key === '' ? [] : key.split('\n')), [key]);
  const figures = useMemo(() => (figureKey === '' ? [] : figureKey.split('\n')), [figureKey]);
  // The cover is also asked as the cover it is: a Hugo post's relative cover may be in its site's root.
  const coverKey = useMemo(() => linkedUrls(new Map(), named).join('\n'), [named]);
  const covers = useMemo(() => (coverKey === '' ? [] : coverKey.split('\n')), [coverKey]);
  const { folder: info, photos } = folder;
  useEffect(() => {
    if (!path || !info || photos === null || urls.length === 0) {
      setLinked(NONE);
      return;
    }
    let live = true;
    api.linkedPhotos({ recapPath: path, imageDir: info.imageDir, urls, ...(figures.length > 0 ? { figureUrls: figures } : {}), ...(covers.length > 0 ? { coverUrls: covers } : {}) }).then(
      (list) => {
        if (live) setLinked((shown) => sameOr(shown, list));
      },
      () => {
        // Lint and the preview say what is wrong with a link; the tray shows what it can.
        if (live) setLinked(NONE);
      },
    );
    return () => {
      live = false;
    };
  }, [api, path, info, photos, urls, figures, covers]);
  return linked;
}

/** The photo the cover field names in `text` now, at the address its site publishes (fieldPhotoUrl; null without one, or before the parsers load). */
function coverNow(text: string, field: string, reading: CoverReading): string | null {
  try {
    const value = coverOf(frontMatter().getField(text, field));
    return value === null ? null : fieldPhotoUrl(value, reading, field);
  } catch {
    return null;
  }
}

/** Selects the photo's next link in the text (after the selection, else the first), in view. */
function selectNextUse(body: string, photo: LinkedPhoto, reading: MarkdownReading): void {
  const ta = textarea();
  if (!ta || ta.value !== body) return;
  const links = photoRefs(body, reading).filter((l) => photo.urls.some((u) => samePhotoUrl(l.url, u)));
  const from = ta.selectionStart;
  const next = links.find((l) => l.start > from) ?? links[0];
  if (!next) return;
  revealLine(ta, body.slice(0, next.start).split('\n').length);
  ta.setSelectionRange(next.start, next.end);
}

/** What the text says of its photos: the body's uses, the cover, and the other front-matter fields' photos. */
export type TextPhotos = Pick<PhotosHandle, 'uses' | 'cover' | 'fields'>;

export function useLinkedPhotos(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, text: TextPhotos, bumpPreview: (replaced?: string[]) => void): LinkedActions {
  const { opts } = shared;
  const { editBody } = caret;
  const { refresh } = folder;
  const folderReq = useFolderRequest(shared, folder);
  const linked = useLinkedList(shared, folder, text);
  const { fields } = text;

  const showUses = useCallback(
    (photo: LinkedPhoto) => {
      const text = opts.current.current()?.text;
      if (text !== undefined) selectNextUse(editorBody(text), photo, readingNow(opts.current));
    },
    [opts],
  );

  const removeLinks = useCallback(
    (photo: LinkedPhoto) => {
      const reading = readingNow(opts.current);
      let removed = 0;
      editBody((body) =>
        photo.urls.reduce((b, u) => {
          const r = removePhotoLinks(b, u, reading);
          removed += r.removed;
          return r.body;
        }, body),
      );
      if (removed > 0) opts.current.toast('info', t('photos.linksRemoved', { links: removed, name: photo.name, folder: folderPath(photo.folder) }));
    },
    [opts, editBody],
  );

  const copyIntoFolder = useCallback(
    (photo: LinkedPhoto) => {
      void (async () => {
        const o = opts.current;
        try {
          const where = await folderReq();
          if (!where) return;
          const { photo: copy } = await o.api.copyLinkedPhoto({ ...where, url: photo.url, ...(photo.figure === true ? { figure: true } : {}), ...(photo.cover === true ? { cover: true } : {}) });
          const reading = readingNow(opts.current);
          const field = opts.current.coverField;
          let links = 0;
          // The body's links and the cover field, as the text is now, in one edit: one undo step.
          opts.current.edit((text) => {
            const body = editorBody(text);
            links = photoRefs(body, reading).filter((l) => photo.urls.some((u) => samePhotoUrl(l.url, u))).length;
            const plain = linkedAs(copy.url, reading, opts.current.baseUrlPath);
            let out = withBody(text, photo.urls.reduce((b, u) => replacePhotoUrl(b, u, copy.url, reading, plain), body));
            const coverThen = field ? coverNow(out, field, reading) : null;
            if (field && coverThen !== null && photo.urls.some((u) => samePhotoUrl(coverThen, u))) out = setCoverField(out, field, copy.url, reading);
            return relinkFields(out, fields, photo.urls, copy.url, reading);
          });
          const named = fieldsNaming(fields, photo.urls);
          opts.current.toast('info', named.length > 0 ? t('photos.copiedWithFields', { name: copy.name, links, fields: named.join(', ') }) : t('photos.copied', { name: copy.name, links }));
          bumpPreview([photo.url, copy.url]);
          refresh();
        } catch (err) {
          opts.current.toast('error', errorMessage(err));
        }
      })();
    },
    [opts, folderReq, fields, bumpPreview, refresh],
  );

  return { linked, showUses, removeLinks, copyIntoFolder };
}
