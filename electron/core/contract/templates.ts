// The contract's templates and link card: what a new recap can start from, "Save as template",
// and the card a reader sees when the recap is shared. Type-only.

import type { ImageLookup } from './recaps';
import type { Problem } from './problems';

/**
 * Where a template comes from: the built-in event-recap template, a Hugo archetype of a site,
 * a site's `.recap-studio/templates/NAME.md`, one saved in the app's data folder (offered
 * for every new recap), or the built-in event recap shaped like a site's own posts (`posts`:
 * their front matter's format, keys and settings; named `event-recap`).
 */
export type TemplateSource = 'builtin' | 'archetype' | 'site' | 'app' | 'posts';

/** A template, as `newRecap` takes it: its source, name, and site (null for builtin and app). */
export interface TemplateRef {
  source: TemplateSource;
  name: string;
  site: string | null;
}

export interface TemplateInfo extends TemplateRef {
  /** Unique in a list: `source:site:name`. */
  id: string;
}

export interface SaveTemplateRequest {
  /** The draft whose text becomes a template: its site (if it has one) gets the template. */
  id: string;
  text: string;
  name: string;
  /** The author confirmed replacing an existing template of that name. */
  overwrite?: boolean;
}

export interface SavedTemplate extends TemplateInfo {
  /** The template's file. */
  path: string;
}

/** The card a reader sees when the recap is shared on a social site or in a chat. */
export interface LinkCard {
  title: string;
  description: string;
  /** The cover image, resolved as the preview resolves images; null when the recap has none. */
  cover: ImageLookup | null;
  /** The site's title from its config, else its folder's name; null outside a site. */
  siteName: string | null;
  /** The URL path the post will have on the site (e.g. `/en/news/kcd-berlin/`); null when unknown. */
  urlPath: string | null;
  /** The checks about the card (title and description length, the cover), as lint and preflight find them. */
  problems: Problem[];
}
