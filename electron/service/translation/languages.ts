// The languages a site declares, read from its config without running it: Hugo's `languages`
// and `defaultContentLanguage` (hugo.toml/yaml/json, config.*, config/_default/), plus its
// content/<lang> folders; Docusaurus' `i18n: { defaultLocale, locales }` in
// docusaurus.config.(js|ts|…), read as text (site code is never executed).

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { SiteGenerator } from '../../core/contract';
import { isLangCode, type LangSite } from '../../core/translation/layout';
import { detectGenerator, hugoLanguages, subdirs } from '../site/site';
import { hugoConfig, hugoContentDir, hugoLanguageContentDirs } from '../site/hugo-config';
import { HUGO_CONTENT } from '../../core/site-paths';
import { blogI18nDir, docusaurusBlogs, docusaurusI18n } from '../site/site-data';

export interface SiteLanguages extends LangSite {
  root: string;
  /** What the site's config declares; null when the config declares no languages at all. */
  declared: string[] | null;
  /** The language folders found (content/<lang>, i18n/<lang>), declared or not. */
  folders: string[];
}

function readText(file: string): string {
  try {
    return statSync(file).size < 1024 * 1024 ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}

/** The languages of the site at `root`, the default first. */
export function siteLanguages(root: string, profileDefault: string): SiteLanguages {
  const found = detectGenerator(root);
  const generator: SiteGenerator | null = found?.generator ?? null;
  let declared: string[] | null = null;
  let defaultLang = profileDefault;
  let folders: string[] = [];
  let blogs: LangSite['blogs'];
  let contentDirs: Record<string, string> | undefined;
  let contentDir: string | undefined;
  if (found?.generator === 'hugo') {
    const hugo = hugoLanguages(found.config);
    declared = hugo.languages.length > 0 ? hugo.languages : null;
    if (hugo.defaultLang && isLangCode(hugo.defaultLang)) defaultLang = hugo.defaultLang;
    // Its content folder (`content/`, or the one its config names): language folders and translations by name are there.
    const content = hugoContentDir(root);
    if (content !== HUGO_CONTENT) contentDir = content;
    folders = subdirs(path.join(root, content)).filter((d) => isLangCode(d) && !hugo.disabled.has(d.toLowerCase()));
    // Translation by content directory: every language has a content folder of its own in the config.
    const dirs = hugoLanguageContentDirs(hugoConfig(found.config));
    if (declared !== null && declared.length > 1 && declared.every((l) => dirs.some((d) => d.lang === l))) contentDirs = Object.fromEntries(dirs.map((d) => [d.lang, d.dir]));
  } else if (found?.generator === 'docusaurus') {
    const i18n = docusaurusI18n(readText(found.config));
    declared = i18n.locales.length > 0 ? i18n.locales : null;
    if (i18n.defaultLocale && isLangCode(i18n.defaultLocale)) defaultLang = i18n.defaultLocale;
    folders = subdirs(path.join(root, 'i18n')).filter(isLangCode);
    blogs = docusaurusBlogs(readText(found.config)).map((b) => ({ dir: b.dir, i18n: blogI18nDir(b) }));
  }
  // A site that declares its languages has those; otherwise its language folders are the languages.
  const all = [...new Set([defaultLang, ...(declared ?? folders)])];
  const languages = [defaultLang, ...all.filter((l) => l !== defaultLang).sort()];
  return { root, generator, defaultLang, languages, declared, folders, ...(blogs !== undefined ? { blogs } : {}), ...(contentDirs !== undefined ? { contentDirs } : {}), ...(contentDir !== undefined ? { contentDir } : {}) };
}
