// The photos a Hugo theme's shortcodes show (core/markdown/theme-shortcodes.ts): those they take
// from the page bundle by their names (Congo's `{{< screenshot src="stage.jpg" >}}`, Docsy's
// `{{< imgproc stage Fill "600x300" >}}`, Blowfish's `{{< carousel images="{stage.jpg,hall-*}" >}}`)
// and the one Hextra's `{{< card image="…" >}}` names by its address, as the tray shows them: used,
// each with the call that takes it, as lint and export's checks find them.

import { useMemo, useRef } from 'react';
import type { Photo } from '../../electron/core/contract';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { findShortcodePhotos, shortcodeLabel } from '../../electron/core/markdown/theme-shortcodes';
import { matchResource, matchResources } from '../../electron/core/recap/field-photos';
import { samePhotoUrl } from '../../electron/core/markdown/photo-text';
import type { FieldUse } from './linkedUrls';

/**
 * The uses of the folder's photos by the body's theme shortcodes (FieldUse keyed by the call's label), each
 * call once; a pattern's only where the folder is the post's page bundle (`bundle`).
 */
export function shortcodeUses(body: string, reading: Pick<MarkdownReading, 'themeShortcodes'>, photos: readonly Photo[], bundle = true): FieldUse[] {
  const names = photos.map((p) => p.name);
  const out: FieldUse[] = [];
  for (const call of findShortcodePhotos(body, reading.themeShortcodes ?? [])) {
    // A carousel's pattern takes every photo it matches; the others their first.
    const key = shortcodeLabel(call.shortcode);
    const pattern = call.pattern;
    // A value looked up as a figure's src (Hextra's card) names its photo by its address, anywhere; a pattern the bundle's, by name.
    const matched = pattern === null ? null : new Set(call.all === true ? matchResources(names, pattern) : [matchResource(names, pattern)]);
    const taken = (p: Photo): boolean => (matched === null ? samePhotoUrl(p.url, call.value) : bundle && matched.has(p.name));
    for (const photo of photos.filter(taken)) {
      if (!out.some((u) => u.key === key && u.url === photo.url)) out.push({ key, url: photo.url, written: call.value, pattern: true });
    }
  }
  return out;
}

/**
 * `fields` and the body's theme shortcode uses, where the post's site's theme has such shortcodes
 * (a pattern's on a Hugo page bundle: `bundle`); `fields` itself elsewhere, and the same array
 * while nothing changes.
 */
export function useShortcodeUses(body: string, reading: MarkdownReading, bundle: boolean, photos: Photo[] | null, fields: readonly FieldUse[]): readonly FieldUse[] {
  const last = useRef<readonly FieldUse[]>(fields);
  return useMemo(() => {
    if (!reading.themeShortcodes || !photos || photos.length === 0) return fields;
    const used = shortcodeUses(body, reading, photos, bundle);
    if (used.length === 0) return fields;
    const all = [...fields, ...used];
    if (JSON.stringify(all) !== JSON.stringify(last.current)) last.current = all;
    return last.current;
  }, [body, reading, bundle, photos, fields]);
}
