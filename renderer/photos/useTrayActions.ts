// The tray's actions on one photo: insert at the cursor, alt text (every link to it), use as
// cover, replace (links follow a new name), remove (the file and its links, with Undo).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Photo } from '../../electron/core/contract';
import type { FieldValue } from '../../electron/core/frontmatter/values';
import { editorBody, editorYaml, withYaml } from '../../electron/core/frontmatter/split';
import { altFromFileName } from '../../electron/core/markdown/photo-names';
import { photoInsertText, photoUses, removePhotoLinks, replacePhotoUrl, restoreSplices, samePhotoUrl, setPhotoAlt, photoUseOf } from '../../electron/core/markdown/photo-text';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { readingNow, usePostReading } from './postReading';
import { errorMessage } from '../api';
import { t } from '../ui/locale';
import { frontMatter, useFrontMatter } from '../workspace/frontMatterModule';
import { pickPhotos, sourceOf } from './photoSources';
import { fieldsNaming, urlsOf } from './linkedUrls';
import { useShortcodeUses } from './shortcodeUses';
import { nextPhotoUses } from './photoUsesCache';
import type { PhotoUsesOf } from './photoUsesCache';
import type { PhotoShared, PhotosHandle, PhotosOptions, RemovedPhoto } from './photoTypes';
import type { FieldUse } from './linkedUrls';
import type { CaretPlacement } from './useCaretPlacement';
import type { PhotoFolder } from './usePhotoFolder';
import { coverOf, coverUrl, fieldPhotoUrl, hugoCardByName, withoutCover, writeCover, type CoverReading } from '../../electron/core/recap/cover';
import { fieldPatterns, fieldPhotos, isResourcePattern, matchResource } from '../../electron/core/recap/field-photos';

export type TrayActions = Pick<PhotosHandle, 'uses' | 'cover' | 'fields' | 'cardByName' | 'altOf' | 'insertPhoto' | 'setAlt' | 'setCover' | 'replacePhoto'>;
export type PhotoRemoval = Pick<PhotosHandle, 'removed' | 'removePhoto' | 'undoRemove' | 'dismissRemoved'>;

export type FolderRequest = () => Promise<{ recapPath: string; imageDir: string } | null>;

/** The open recap's folder as the service's requests name it; null without a recap file. */
export function useFolderRequest(shared: PhotoShared, folder: PhotoFolder): FolderRequest {
  const { opts } = shared;
  const { resolveFolder } = folder;
  return useCallback(async () => {
    const recapPath = opts.current.path;
    if (!recapPath) return null;
    const f = await resolveFolder(recapPath);
    return { recapPath, imageDir: f.imageDir };
  }, [resolveFolder, opts]);
}

/** `text` with `url` as the cover in `field`, named as the post's site finds it (coverUrl): a list (Hugo's images) keeps its other items. */
export function setCoverField(text: string, field: string, url: string, reading: CoverReading): string {
  return writeCover(text, field, url, reading, frontMatter());
}

/** `text` without `url` as its cover in `field` (withoutCover: the field's line, or a list's first item); the text itself where it names another photo. */
export function clearCoverField(text: string, field: string, url: string, reading: CoverReading): string {
  const fm = frontMatter();
  const was = fm.getField(text, field);
  const next = withoutCover(was, url, reading, field);
  if (next === was) return text;
  return next === undefined ? fm.removeField(text, field) : fm.setField(text, field, next);
}

/**
 * The cover field's photo in the front matter (a text, or a list's first item; null without one),
 * at the address its site publishes (fieldPhotoUrl: a Chirpy post's media_subpath), as photos are named.
 */
function useCoverValue(head: string, coverField: string | null, reading: CoverReading): string | null {
  const fm = useFrontMatter(coverField !== null);
  return useMemo(() => {
    // No front matter yet (the text before the first painted frame, recapViews.ts): no cover, nothing to parse.
    if (!coverField || !fm || head === '') return null;
    try {
      const value = coverOf(fm.getField(head, coverField));
      return value === null ? null : fieldPhotoUrl(value, reading, coverField);
    } catch {
      return null;
    }
  }, [head, coverField, fm, reading]);
}

/** No field names a photo: one array, so that a head with none renders nothing new. */
const NO_FIELDS: readonly FieldUse[] = [];

/**
 * The photos the front matter's other fields name (fieldPhotos: a theme's header image, its
 * gallery), at the addresses the site publishes, as the cover is read; the same array while they do not change.
 */
function useFieldUses(head: string, coverField: string | null, reading: CoverReading): readonly FieldUse[] {
  const fm = useFrontMatter(head !== '');
  const last = useRef<readonly FieldUse[]>(NO_FIELDS);
  return useMemo(() => {
    if (!fm || head === '') return NO_FIELDS;
    let fields: FieldUse[];
    try {
      fields = fieldPhotos(fm.readFrontMatter(head).fields, coverField).map((p) => ({ key: p.key, url: fieldPhotoUrl(p.url, reading, p.key), written: p.url }));
    } catch {
      return last.current;
    }
    if (fields.length === 0) last.current = NO_FIELDS;
    else if (JSON.stringify(fields) !== JSON.stringify(last.current)) last.current = fields;
    return last.current;
  }, [head, coverField, fm, reading]);
}

/** `text` with each field that names the photo at one of `urls` naming `url` instead (coverUrl: as its site reads that field's photo). */
export function relinkFields(text: string, fields: readonly FieldUse[], urls: readonly string[], url: string, reading: CoverReading): string {
  // Each value as written, with the first field that writes it.
  const named = new Map<string, string>();
  for (const f of fields) if (f.pattern !== true && urls.some((u) => samePhotoUrl(f.url, u)) && !named.has(f.written)) named.set(f.written, f.key);
  return [...named].reduce((out, [from, key]) => frontMatter().replaceFieldText(out, from, coverUrl(url, reading, key)), text);
}

/** The folder's photo a Hugo page bundle takes as its card by its name (hugoCardByName), as export's preflight reads it; null elsewhere. */
function useCardByName(head: string, bundleCard: boolean, photos: Photo[] | null): string | null {
  const fm = useFrontMatter(bundleCard);
  return useMemo(() => {
    if (!bundleCard || !fm || head === '' || !photos || photos.length === 0) return null;
    let images;
    try {
      images = fm.getField(head, 'images');
    } catch {
      return null;
    }
    const name = hugoCardByName(photos.map((p) => p.name), images);
    return photos.find((p) => p.name === name)?.url ?? null;
  }, [head, bundleCard, fm, photos]);
}

/**
 * The folder's photos a Hugo page bundle's front matter names by a resource pattern (Congo's
 * `cover: "*cover*"`: hugoPhotosByName, as export's preflight reads it), as the fields' photos;
 * none elsewhere. The same array while they do not change.
 */
function usePatternUses(head: string, bundleCard: boolean, photos: Photo[] | null, fields: readonly FieldUse[]): readonly FieldUse[] {
  const fm = useFrontMatter(bundleCard);
  const last = useRef<readonly FieldUse[]>(fields);
  return useMemo(() => {
    if (!bundleCard || !fm || head === '' || !photos || photos.length === 0) return fields;
    let patterns;
    try {
      patterns = fieldPatterns(fm.readFrontMatter(head).fields);
    } catch {
      return fields;
    }
    const names = photos.map((p) => p.name);
    const matched = patterns.flatMap(({ key, pattern }): FieldUse[] => {
      const photo = photos.find((p) => p.name === matchResource(names, pattern));
      return photo ? [{ key, url: photo.url, written: pattern, pattern: true }] : [];
    });
    if (matched.length === 0) return fields;
    const all = [...fields, ...matched];
    if (JSON.stringify(all) !== JSON.stringify(last.current)) last.current = all;
    return last.current;
  }, [head, bundleCard, fm, photos, fields]);
}

/** The body's photo uses; the same map as before while typing changes no link (see nextPhotoUses). */
function usePhotoUses(body: string, reading: MarkdownReading): PhotoUsesOf['uses'] {
  const last = useRef<PhotoUsesOf | null>(null);
  return useMemo(() => {
    last.current = nextPhotoUses(last.current, body, reading);
    return last.current.uses;
  }, [body, reading]);
}

/** Replaces a photo's file with one the author picks; another format means another name, and the links follow. */
function useReplacePhoto(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, coverValue: string | null, fields: readonly FieldUse[], bumpPreview: (replaced?: string[]) => void) {
  const { opts } = shared;
  const { editBody } = caret;
  const { refresh } = folder;
  const folderReq = useFolderRequest(shared, folder);
  return useCallback(
    (photo: Photo) => {
      void (async () => {
        const o = opts.current;
        const [item] = await pickPhotos(o, false);
        if (!item) return;
        try {
          const where = await folderReq();
          if (!where) return;
          const source = await sourceOf(item);
          if (!source) return;
          const fresh = await o.api.replacePhoto({ ...where, name: photo.name, source });
          if (fresh.name !== photo.name) {
            // Another format, another file: the links follow, then the old file goes.
            const reading = readingNow(o);
            editBody((body) => replacePhotoUrl(body, photo.url, fresh.url, reading));
            const field = opts.current.coverField;
            if (field && coverValue && samePhotoUrl(coverValue, photo.url)) opts.current.edit((t) => setCoverField(t, field, fresh.url, reading));
            if (fieldsNaming(fields, [photo.url]).length > 0) opts.current.edit((t) => relinkFields(t, fields, [photo.url], fresh.url, reading));
            await o.api.removePhoto({ ...where, name: photo.name }).catch(() => undefined);
            opts.current.toast('info', t('photos.replacedRenamed', { old: photo.name, new: fresh.name }));
          } else {
            opts.current.toast('info', t('photos.replaced', { name: photo.name }));
          }
          bumpPreview([photo.url, fresh.url]);
          refresh();
        } catch (err) {
          opts.current.toast('error', errorMessage(err));
        }
      })();
    },
    [opts, folderReq, editBody, coverValue, fields, bumpPreview, refresh],
  );
}

export function useTrayActions(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, bumpPreview: (replaced?: string[]) => void): TrayActions {
  const { opts, pendingAlt } = shared;
  const { body, deferredHead, coverField, reading } = opts.current;
  const { cursorPlacement, placeLinks, editBody } = caret;
  // Which links are this post's photos, as its site reads it with its own switches now.
  const postReading = usePostReading(reading, deferredHead, opts.current.rootPathFields);
  const uses = usePhotoUses(body, postReading);
  const coverValue = useCoverValue(deferredHead, coverField, postReading);
  const patterned = usePatternUses(deferredHead, opts.current.bundleCard, folder.photos, useFieldUses(deferredHead, coverField, postReading));
  const named = useShortcodeUses(body, postReading, opts.current.bundleCard, folder.photos, patterned);
  // A cover field written as a pattern (Congo's `cover: "*cover*"`) is the photo it matches.
  const coverMatch = coverValue !== null && isResourcePattern(coverValue) ? named.find((f) => f.pattern === true && f.key === coverField) : undefined;
  const cover = coverMatch?.url ?? coverValue;
  const fields = useMemo(() => (coverMatch ? named.filter((f) => f !== coverMatch) : named), [named, coverMatch]);
  const cardByName = useCardByName(deferredHead, opts.current.bundleCard, folder.photos);

  const altOf = useCallback(
    (photo: Photo): string => photoUseOf(uses, photo.url)?.alt ?? pendingAlt.current.get(photo.url) ?? altFromFileName(photo.name),
    [uses, pendingAlt],
  );
  const insertPhoto = useCallback(
    (photo: Photo) => {
      const placement = cursorPlacement();
      if (!placement) return;
      placeLinks(placement, [photoInsertText(altOf(photo), photo.url, opts.current.insertAs, readingNow(opts.current), opts.current.baseUrlPath)]);
    },
    [cursorPlacement, placeLinks, altOf, opts],
  );
  const setAlt = useCallback(
    (photo: Photo, alt: string) => {
      const reading = readingNow(opts.current);
      const uses = photoUses(editorBody(opts.current.current()?.text ?? ''), reading);
      // A photo linked from outside the folder may be linked by more than one spelling: each is its link.
      const linked = urlsOf(photo).filter((u) => photoUseOf(uses, u));
      if (linked.length > 0) editBody((b) => linked.reduce((body, u) => setPhotoAlt(body, u, alt, reading), b));
      else pendingAlt.current.set(photo.url, alt);
    },
    [editBody, opts, pendingAlt],
  );
  const setCover = useCallback(
    (photo: Photo) => {
      const field = opts.current.coverField;
      if (!field) return;
      const reading = readingNow(opts.current);
      const url = coverUrl(photo.url, reading, field);
      if (opts.current.edit((t) => setCoverField(t, field, url, reading))) opts.current.toast('info', t('photos.coverSet', { name: photo.name, field, url }));
    },
    [opts],
  );
  // A pattern stays as written: a photo replaced under another name is not named in its place.
  const replacePhoto = useReplacePhoto(shared, folder, caret, coverMatch ? null : cover, fields, bumpPreview);
  return { uses, cover, fields, cardByName, altOf, insertPhoto, setAlt, setCover, replacePhoto };
}

/**
 * The front-matter fields that name the removed photo at `url`, cleared (clearCoverField: the
 * cover field, then each other field the tray reads a photo from, `fields`; a pattern stays), with
 * what Undo needs; null where none named it.
 */
function clearedFields(o: PhotosOptions, url: string, reading: CoverReading, fields: readonly FieldUse[]): NonNullable<RemovedPhoto['cleared']> | null {
  const names = [...new Set([...(o.coverField ? [o.coverField] : []), ...fieldsNaming(fields.filter((f) => f.pattern !== true), [url])])];
  if (names.length === 0 || o.current() === null) return null;
  let cleared: RemovedPhoto['cleared'] | null = null;
  o.edit((t) => {
    let next = t;
    const values: Array<{ field: string; value: FieldValue | null }> = [];
    for (const field of names) {
      const after = clearCoverField(next, field, url, reading);
      if (after === next) continue;
      values.push({ field, value: frontMatter().getField(next, field) ?? null });
      next = after;
    }
    if (values.length > 0) cleared = { fields: values, cover: values[0]?.field === o.coverField, before: editorYaml(t), after: editorYaml(next) };
    return next;
  });
  return cleared;
}

/** Undo of clearedFields: the front matter as it was where it has not changed since, else each field's value set back. */
function restoreFields(o: PhotosOptions, cleared: NonNullable<RemovedPhoto['cleared']>): void {
  o.edit((t) => (editorYaml(t) === cleared.after ? withYaml(t, cleared.before) : cleared.fields.reduce((out, f) => (f.value === null ? out : frontMatter().setField(out, f.field, f.value)), t)));
}

/** Removing a photo: its file goes to the trash, its links out of the text and the front-matter fields that name it; Undo brings them back. */
export function usePhotoRemoval(shared: PhotoShared, folder: PhotoFolder, caret: CaretPlacement, bumpPreview: () => void, fields: readonly FieldUse[]): PhotoRemoval {
  const { opts } = shared;
  const { path, loadSerial } = opts.current;
  const [removed, setRemoved] = useState<RemovedPhoto | null>(null);
  const { editBody } = caret;
  const { setPhotos, refresh } = folder;
  const folderReq = useFolderRequest(shared, folder);
  // Another recap: its own photos, no Undo for the previous one's.
  useEffect(() => setRemoved(null), [path, loadSerial]);

  const removePhoto = useCallback(
    (photo: Photo) => {
      void (async () => {
        try {
          const where = await folderReq();
          if (!where) return;
          const { trashId } = await opts.current.api.removePhoto({ ...where, name: photo.name });
          let result: ReturnType<typeof removePhotoLinks> | null = null;
          const reading = readingNow(opts.current);
          editBody((body) => {
            result = removePhotoLinks(body, photo.url, reading);
            return result.body;
          });
          const r = result as ReturnType<typeof removePhotoLinks> | null;
          // The cover it was, and a field that names it, go too (the site would look for a file that is gone); Undo puts them back.
          const cleared = clearedFields(opts.current, photo.url, reading, fields);
          setPhotos((list) => list?.filter((p) => p.name !== photo.name) ?? null);
          setRemoved({ name: photo.name, trashId, links: r?.removed ?? 0, splices: r?.splices ?? [], afterBody: r?.body ?? '', ...(cleared ? { cleared } : {}), ...where });
        } catch (err) {
          opts.current.toast('error', errorMessage(err));
        }
      })();
    },
    [opts, folderReq, editBody, setPhotos, fields],
  );

  const undoRemove = useCallback(() => {
    const r = removed;
    if (!r) return;
    setRemoved(null);
    void (async () => {
      try {
        await opts.current.api.restorePhoto({ recapPath: r.recapPath, imageDir: r.imageDir, trashId: r.trashId });
        const same = opts.current.current()?.photoPath === r.recapPath;
        if (r.splices.length > 0 && same) editBody((body) => restoreSplices(body, r.afterBody, r.splices));
        if (r.cleared && same) restoreFields(opts.current, r.cleared);
        refresh();
        bumpPreview();
      } catch (err) {
        opts.current.toast('error', errorMessage(err));
      }
    })();
  }, [removed, opts, editBody, refresh, bumpPreview]);

  const dismissRemoved = useCallback(() => setRemoved(null), []);
  return { removed, removePhoto, undoRemove, dismissRemoved };
}
