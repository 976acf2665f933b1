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

/** The reading of the post whose front matter is `head`; the site's until the parsers have loaded, and without a front matter. */
export function usePostReading(reading: MarkdownReading, head: string): MarkdownReading {
  const fm = useFrontMatter(true);
  return useMemo(() => (fm && head !== '' ? postReading(reading, (key) => fm.getField(head, key), (key) => fm.quoteStyleOf(head, key)) : reading), [fm, reading, head]);
}

/** The reading of the open document's text as it is now, for an edit of its links (the site's until the parsers have loaded). */
export function readingNow(o: Pick<PhotosOptions, 'reading' | 'head' | 'current'>): MarkdownReading {
  const fm = parsersChunk.now();
  const text = o.current()?.text ?? o.head;
  return fm ? postReading(o.reading, (key) => fm.getField(text, key), (key) => fm.quoteStyleOf(text, key)) : o.reading;
}
