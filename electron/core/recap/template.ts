// A new recap starts from the site's template (assets/templates/event-recap.md). Filling it
// goes through the lossless front-matter editor, so the fields keep the template's own
// quoting and the author's first commit shows only what they wrote.
//
// Pure module (no Node imports): the service, the CLI and the renderer share it.

import { joinRecap, setField, splitRecap } from '../frontmatter/frontmatter';
import { slugify } from './slug';

// slugify lives in slug.ts, apart from the front-matter editor, so the page's home screen can
// use it without loading the YAML, TOML and JSON parsers.
export { slugify };

/** What the body's heading says until the author names the event. */
export const UNTITLED_HEADING = 'Event name';

/**
 * The prompts of the shipped template (assets/templates/event-recap.md), each a whole line:
 * a recap that still holds one is not finished. A unit test keeps this list and the file in step.
 */
export const TEMPLATE_PROMPTS: readonly string[] = [
  'Write two or three sentences for readers who missed the event: what it was, where and when it took place, and who came.',
  'Name the organizers, co-hosts and sponsors, and thank the volunteers.',
  'Summarize the programme: keynotes, talks, workshops and panels, with the speakers and what each one covered.',
  'Drag your event photos here.',
  'Link the slides and the recordings, for example: Download: https://example.org/slides',
];

/** The template's placeholder address for slides: never a real link. */
export const TEMPLATE_LINK = 'https://example.org/slides';

export interface NewRecapOptions {
  title?: string;
  /**
   * The event date as YYYY-MM-DD. Without one the field stays empty, and lint asks for it: a
   * date filled in for the author (today) would pass every check while being wrong.
   */
  date?: string;
  author?: string;
}

/**
 * The template with its fields filled. Placeholder sections stay: they are prompts for the
 * author to overwrite, and a recap that still holds one is easy to spot in review.
 */
export function newRecapText(template: string, opts: NewRecapOptions): string {
  // A title is one line in the front matter and in the heading; pasted line breaks would split both.
  const title = opts.title?.replace(/\s+/g, ' ').trim() ?? '';
  let text = template;
  if (title !== '') text = setField(text, 'title', title);
  if (opts.date !== undefined) text = setField(text, 'createTime', opts.date);
  const author = opts.author?.trim() ?? '';
  if (author !== '') text = setField(text, 'author', author);
  return replaceInBody(text, '{{title}}', title === '' ? UNTITLED_HEADING : title);
}

/** Replaces a placeholder in the body only: the front matter is edited field by field above. */
function replaceInBody(text: string, placeholder: string, value: string): string {
  const parts = splitRecap(text);
  return joinRecap({ ...parts, body: parts.body.split(placeholder).join(value) });
}
