// The tray reads the post as its site does (the profile's reading) with the post's own switches
// (Jekyll's `render_with_liquid: false`, or `off` unquoted as Jekyll's YAML reads it; Docusaurus'
// `format: md|mdx`) as its front matter says them now: the form may have just changed one. Lint, the preflight and the preview read the same
// switches (core/markdown/site-reading.ts postReading), so a link the site publishes as written
// is never a use of a photo, nor edited as one.

import { useMemo } from 'react';
import { postReading } from '../../electron/core/markdown/site-reading';
import type { MarkdownReading } from '../../electron/core/markdown/site-reading';
import { parsersChunk } from '../workspace/editorChunks';
import { useFrontMatter } from '../workspace/frontMatterModule';
import type { PhotosOptions } from './photoTypes';
import type { CoverReading } from '../../electron/core/recap/cover';

/** The reading of the post whose front matter is `head` (the site's until the parsers have loaded, and without a front matter), with `rootPathFields` (readingNow). */
export function usePostReading(reading: MarkdownReading, head: string, rootPathFields?: readonly string[]): MarkdownReading & CoverReading {
  const fm = useFrontMatter(true);
  return useMemo(() => withRootPaths(fm && head !== '' ? postReading(reading, (key) => fm.getField(head, key), (key) => fm.quoteStyleOf(head, key)) : reading, rootPathFields), [fm, reading, head, rootPathFields]);
}

function withRootPaths(reading: MarkdownReading, rootPathFields: readonly string[] | undefined): MarkdownReading & CoverReading {
  return rootPathFields !== undefined ? { ...reading, rootPathFields } : reading;
}

/**
 * The reading of the open document's text as it is now, for an edit of its links (the site's until
 * the parsers have loaded), with the fields its site writes from its root without the first `/`
 * (PhotoSettings.rootPathFields), for an edit of a front-matter photo (core/recap/cover.ts coverUrl).
 */
export function readingNow(o: Pick<PhotosOptions, 'reading' | 'head' | 'current' | 'rootPathFields'>): MarkdownReading & CoverReading {
  const fm = parsersChunk.now();
  const text = o.current()?.text ?? o.head;
  return withRootPaths(fm ? postReading(o.reading, (key) => fm.getField(text, key), (key) => fm.quoteStyleOf(text, key)) : o.reading, o.rootPathFields);
}
