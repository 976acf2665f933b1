// Which language a recap is written in, for its spellchecker: the front matter's `lang`,
// `language` or `locale`, else the site's language of the file (Hugo's `post.zh.md` and
// `content/<lang>/…`, Docusaurus' `i18n/<lang>/…`, a Jekyll `<lang>/_posts/…`), else none
// (the system's languages). Pure: the page runs it on the recap it shows.

import { getField } from '../frontmatter/frontmatter';

/** ISO 639-1: a folder or file-name part is a language only when it is one of these. */
const ISO_639_1 = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
    'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko ' +
    'kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi ' +
    'pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug ' +
    'uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

export type RecapLanguageSource = 'front-matter' | 'file-name' | 'folder';

export interface RecapLanguage {
  /** BCP 47, as written (normalised): en, zh-CN, pt-BR, zh-Hant. */
  tag: string;
  source: RecapLanguageSource;
}

const FRONT_MATTER_KEYS = ['lang', 'language', 'locale'] as const;

/**
 * A language tag in its usual spelling (`zh_cn` → `zh-CN`, `ZH-hans` → `zh-Hans`), or null
 * when `raw` is none (`English`, `posts`, `123`). `strict` accepts only ISO 639-1 languages
 * (a folder or a file name); the front matter may also name a three-letter one.
 */
export function normalizeLanguageTag(raw: string, strict = false): string | null {
  const parts = raw.trim().replace(/_/g, '-').split('-');
  const [lang, ...rest] = parts;
  if (!lang || !/^[A-Za-z]{2,3}$/.test(lang) || rest.length > 2) return null;
  const base = lang.toLowerCase();
  if (strict ? !ISO_639_1.has(base) : base.length === 2 ? !ISO_639_1.has(base) : false) return null;
  const subtags: string[] = [];
  for (const p of rest) {
    if (/^[A-Za-z]{2}$|^\d{3}$/.test(p)) subtags.push(p.toUpperCase());
    else if (/^[A-Za-z]{4}$/.test(p)) subtags.push(p[0]!.toUpperCase() + p.slice(1).toLowerCase());
    else return null;
  }
  return [base, ...subtags].join('-');
}

function fromFrontMatter(text: string): string | null {
  for (const key of FRONT_MATTER_KEYS) {
    const value = getField(text, key);
    if (typeof value === 'string' && value.trim() !== '') return normalizeLanguageTag(value);
  }
  return null;
}

/** The language of a recap from where it lives in its site. */
export function languageFromPath(recapPath: string): RecapLanguage | null {
  const segments = recapPath.replace(/\\/g, '/').split('/').filter(Boolean);
  const file = segments.at(-1) ?? '';
  // Hugo's translation by file name: index.zh.md, _index.fr.md, kcd.pt-br.md.
  const suffix = /\.([A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,4})?)\.(?:md|markdown|mdx)$/i.exec(file)?.[1];
  const byName = suffix ? normalizeLanguageTag(suffix, true) : null;
  if (byName) return { tag: byName, source: 'file-name' };
  const folders = segments.slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const name = folders[i]!;
    const before = folders[i - 1];
    const after = folders[i + 1];
    // content/<lang>/…, i18n/<lang>/…, <lang>/_posts/…
    if (before === 'content' || before === 'i18n' || after === '_posts') {
      const tag = normalizeLanguageTag(name, true);
      if (tag) return { tag, source: 'folder' };
    }
  }
  return null;
}

/** The recap's language: its front matter's word first, else where it lives; null = unknown. */
export function recapLanguage(text: string, recapPath: string | null): RecapLanguage | null {
  const declared = fromFrontMatter(text);
  if (declared) return { tag: declared, source: 'front-matter' };
  return recapPath ? languageFromPath(recapPath) : null;
}

/** Chromium's dictionary for a language with several: the one most sites mean by the bare language. */
const DICTIONARY_FOR: Readonly<Record<string, string>> = {
  en: 'en-US',
  zh: 'zh-CN',
  'zh-Hans': 'zh-CN',
  'zh-SG': 'zh-CN',
  'zh-Hant': 'zh-TW',
  'zh-HK': 'zh-TW',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  pt: 'pt-BR',
  it: 'it-IT',
  nl: 'nl-NL',
  ru: 'ru-RU',
  sv: 'sv-SE',
  pl: 'pl-PL',
  nb: 'nb',
  no: 'nb',
};

/** The spellchecker dictionary name for a language tag (`zh` → `zh-CN`, `en` → `en-US`, `en-GB` as is). */
export function dictionaryName(tag: string): string {
  return DICTIONARY_FOR[tag] ?? tag;
}
