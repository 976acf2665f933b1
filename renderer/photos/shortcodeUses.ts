// The photos a Hugo theme's shortcodes take from the page bundle by their names (Congo's
// `{{< screenshot src="stage.jpg" >}}`, Docsy's `{{< imgproc stage Fill "600x300" >}}`, Blowfish's
// `{{< carousel images="{stage.jpg,hall-*}" >}}`:
// core/markdown/theme-shortcodes.ts), as the tray shows them: used, each with the call that
// takes it, as lint and export's checks find them (the bundle's first match by name).

import { useMemo, useRef } from 'react';
import type { Photo } from '../../electron/core/contract';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { findShortcodePhotos, shortcodeLabel } from '../../electron/core/markdown/theme-shortcodes';
import { matchResource, matchResources } from '../../electron/core/recap/field-photos';
import type { FieldUse } from './linkedUrls';

/** The uses of the folder's photos by the body's theme shortcodes (FieldUse with `shortcode`), each call once. */
export function shortcodeUses(body: string, reading: Pick<MarkdownReading, 'themeShortcodes'>, photos: readonly Photo[]): FieldUse[] {
  const names = photos.map((p) => p.name);
  const out: FieldUse[] = [];
  for (const call of findShortcodePhotos(body, reading.themeShortcodes ?? [])) {
    // A carousel's pattern takes every photo it matches; the others their first.
    const taken = call.all === true ? matchResources(names, call.pattern) : [matchResource(names, call.pattern) ?? []].flat();
    const key = shortcodeLabel(call.shortcode);
    for (const photo of photos.filter((p) => taken.includes(p.name))) {
      if (!out.some((u) => u.key === key && u.url === photo.url)) out.push({ key, url: photo.url, written: call.value, pattern: true, shortcode: true });
    }
  }
  return out;
}

/**
 * `fields` and the body's theme shortcode uses, on a Hugo page bundle whose site's theme has such
 * shortcodes (`bundle`); `fields` itself elsewhere, and the same array while nothing changes.
 */
export function useShortcodeUses(body: string, reading: MarkdownReading, bundle: boolean, photos: Photo[] | null, fields: readonly FieldUse[]): readonly FieldUse[] {
  const last = useRef<readonly FieldUse[]>(fields);
  return useMemo(() => {
    if (!bundle || !reading.themeShortcodes || !photos || photos.length === 0) return fields;
    const used = shortcodeUses(body, reading, photos);
    if (used.length === 0) return fields;
    const all = [...fields, ...used];
    if (JSON.stringify(all) !== JSON.stringify(last.current)) last.current = all;
    return last.current;
  }, [body, reading, bundle, photos, fields]);
}
