// The contract's translations: a recap in the other languages of its site, and a translation
// beside its source paragraph against paragraph. Type-only.

/** One language of a recap. */
export interface TranslationEntry {
  lang: string;
  /** Absolute path of the post in this language (whether or not it exists yet). */
  path: string;
  exists: boolean;
  /** The source (default language) post itself. */
  isSource: boolean;
  /** Blocks of the source changed since this translation was last saved (0 for the source, or one never recorded). */
  changedBlocks: number;
  /** Front-matter fields still as in the source. */
  untranslated: string[];
}

/** A recap and its translations. */
export interface TranslationSet {
  /** Absolute path of the source post. */
  source: string;
  sourceLang: string;
  /** The site's languages, the source's first: each with its post. */
  entries: TranslationEntry[];
}

export interface SourceBlockInfo {
  text: string;
  /** First line of the block in the source's body (1-based). */
  line: number;
  /** Changed since the translation was last saved. */
  changed: boolean;
}

/** What the side-by-side view shows beside a translation. */
export interface TranslationView {
  lang: string;
  sourceLang: string;
  sourcePath: string;
  /** The source's blocks, in order; a translation's block i is paired with the source's block i. */
  blocks: SourceBlockInfo[];
  /** The source's whole text (its front matter tells which values are still untranslated). */
  sourceText: string;
  /** The front-matter fields marked for translation when the translation was made. */
  marked: string[];
}
