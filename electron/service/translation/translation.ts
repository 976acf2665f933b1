// Translations of a recap: the post in another language of its site, made from the source with
// the same file name and the same image links (images are shared, never copied), its front
// matter copied (the text fields marked for translation in the app's records) and its body
// ready to translate. Paths come from the site's own layout (core/translation/layout.ts) and
// stay inside the site's content roots, by realpath: a symlinked folder that leads out is refused.

import { constants as fsConstants, promises as fs, realpathSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { TranslationEntry, TranslationSet, TranslationView } from '../../core/contract';
import { RecapError } from '../../core/errors';
import { editorBody, readFrontMatter } from '../../core/frontmatter/frontmatter';
import { msg } from '../../core/i18n/messages';
import { readingOfPost } from '../../core/markdown/post-reading';
import { changedBlocks, sourceBlocks, textFields, untranslatedFields } from '../../core/translation/alignment';
import { langPlace, translationRel, type LangPlace } from '../../core/translation/layout';
import { isInside, resolveRef } from '../files/containment';
import { readRecapFile } from '../files/recap-file';
import { addressOf, findRecapImages } from '../recap/markdown-images';
import { profileForRecap, siteRootAbove } from '../site/site';
import { siteLanguages, type SiteLanguages } from './languages';
import { readRecord, writeRecord } from './records';

/** A post located among its site's languages. */
export interface Located {
  site: SiteLanguages;
  /** The site's real folder. */
  root: string;
  place: LangPlace;
  file: string;
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * The site and language place of a post; UNSUPPORTED outside a site or for a layout without
 * translations. `sites` (by site root) lets many posts of one site read its languages once.
 */
export function locate(file: string, lenient = false, sites?: Map<string, SiteLanguages>): Located {
  const full = real(file);
  const found = siteRootAbove(full);
  if (found === null) throw new RecapError('UNSUPPORTED', msg('translation.noSite', { path: full }));
  const root = real(found);
  const site = sites?.get(root) ?? siteLanguages(root, 'en');
  sites?.set(root, site);
  const rel = path.relative(root, full).split(path.sep).join('/');
  const place = langPlace(rel, lenient ? { ...site, languages: [...new Set([...site.languages, ...site.folders])] } : site);
  return { site, root, place, file: full };
}

/** The absolute path of the post in `lang`, checked to stay inside the site's content root. */
export function pathIn(loc: Located, lang: string): string {
  const rel = translationRel(loc.place, lang, loc.site.defaultLang);
  const target = path.join(loc.root, ...rel.split('/'));
  // The nearest folder that exists must really be inside the site (no symlink that leads out).
  let dir = path.dirname(target);
  while (dir !== loc.root && !isDir(dir)) dir = path.dirname(dir);
  if (!isInside(loc.root, real(dir))) throw new RecapError('BAD_REQUEST', msg('translation.outsideSite', { path: target }));
  return target;
}

function isDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

export function sourcePath(loc: Located): string {
  return path.join(loc.root, ...loc.place.source.split('/'));
}

async function readIfInside(loc: Located, file: string): Promise<string | null> {
  try {
    if (!isInside(loc.root, realpathSync(file))) return null;
    return (await readRecapFile(file)).text;
  } catch {
    return null;
  }
}

/** Writes `text` at `target` only if no file is there: EXISTS otherwise, the file untouched. */
async function createOnly(target: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  await fs.writeFile(tmp, text, { flag: 'wx' });
  try {
    const handle = await fs.open(tmp, 'r+');
    await handle.sync();
    await handle.close();
    // link() never replaces: two runs at once cannot both win.
    await fs.link(tmp, target);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'EEXIST') throw new RecapError('EXISTS', msg('translation.exists', { path: target }));
    throw err;
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

/**
 * Docusaurus resolves a post's relative images from the post's own folder, so a translation in
 * i18n/<lang>/… needs the source's co-located images beside it (the site's own tutorial copies
 * the blog folder). Copies each relative link's file that lies, by realpath, in the source's
 * folder to the same place beside the translation; a file already there is left as it is.
 */
async function copyColocatedImages(loc: Located, from: string, text: string, target: string): Promise<void> {
  const srcDir = real(path.dirname(from));
  const destDir = path.dirname(target);
  const profile = profileForRecap(from);
  // The images the post shows as its site reads it: an MDX image of a `format: md` post is no file to copy.
  for (const ref of findRecapImages(text, profile.photos.coverField, readingOfPost(profile, text))) {
    if (addressOf(ref).trim().startsWith('/')) continue;
    for (const hit of resolveRef(ref, from, [profile])) {
      if (hit.kind !== 'found' || !isInside(srcDir, hit.real)) continue;
      const dest = path.join(destDir, path.relative(srcDir, hit.real));
      if (!isInside(destDir, dest)) continue;
      await fs.mkdir(path.dirname(dest), { recursive: true });
      if (!isInside(loc.root, real(path.dirname(dest)))) throw new RecapError('BAD_REQUEST', msg('translation.outsideSite', { path: dest }));
      await fs.copyFile(hit.real, dest, fsConstants.COPYFILE_EXCL).catch((err: unknown) => {
        if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
      });
    }
  }
}

/** Makes the post of `file` in `lang`; the new file's path. */
export async function addTranslation(home: string, file: string, lang: string): Promise<string> {
  const loc = locate(file);
  const { site } = loc;
  if (!site.languages.includes(lang)) throw new RecapError('BAD_REQUEST', msg('translation.langUnknown', { lang, languages: site.languages.join(', ') }));
  if (lang === loc.place.lang) throw new RecapError('BAD_REQUEST', msg('translation.sameLang', { lang }));
  const source = sourcePath(loc);
  const from = (await readIfInside(loc, source)) !== null ? source : loc.file;
  const text = (await readRecapFile(from)).text;
  const target = pathIn(loc, lang);
  if (await fs.lstat(target).then(() => true, () => false)) throw new RecapError('EXISTS', msg('translation.exists', { path: target }));
  await fs.mkdir(path.dirname(target), { recursive: true });
  if (!isInside(loc.root, real(path.dirname(target)))) throw new RecapError('BAD_REQUEST', msg('translation.outsideSite', { path: target }));
  await createOnly(target, text);
  if (loc.place.layout === 'docusaurus') await copyColocatedImages(loc, from, text, target);
  const fields = textFields(readFrontMatter(text).fields, profileForRecap(from).fields);
  await writeRecord(home, { version: 1, path: real(target), lang, source: real(from), fields, sourceHashes: sourceBlocks(editorBody(text)).map((b) => b.hash), savedAt: new Date().toISOString() });
  return target;
}

/** After a save of a translation: the source as it is now is what it was translated from. */
export async function recordSaved(home: string, file: string): Promise<void> {
  const loc = locate(file);
  if (loc.place.lang === loc.site.defaultLang) return;
  const sourceText = await readIfInside(loc, sourcePath(loc));
  if (sourceText === null) return;
  const before = await readRecord(home, loc.file);
  const fields = before?.fields ?? textFields(readFrontMatter(sourceText).fields, profileForRecap(sourcePath(loc)).fields);
  const sourceHashes = sourceBlocks(editorBody(sourceText)).map((b) => b.hash);
  await writeRecord(home, { version: 1, path: loc.file, lang: loc.place.lang, source: real(sourcePath(loc)), fields, sourceHashes, savedAt: new Date().toISOString() });
}

/** The side-by-side view's data for a translation; null for a source (or a translation without one). */
export async function translationView(home: string, file: string): Promise<TranslationView | null> {
  const loc = locate(file);
  if (loc.place.lang === loc.site.defaultLang) return null;
  const src = sourcePath(loc);
  const sourceText = await readIfInside(loc, src);
  if (sourceText === null) return null;
  const record = await readRecord(home, loc.file);
  const blocks = sourceBlocks(editorBody(sourceText));
  const changed = new Set(record ? changedBlocks(record.sourceHashes, blocks.map((b) => b.hash)) : []);
  const marked = record?.fields ?? textFields(readFrontMatter(sourceText).fields, profileForRecap(src).fields);
  return { lang: loc.place.lang, sourceLang: loc.site.defaultLang, sourcePath: src, sourceText, marked, blocks: blocks.map((b, i) => ({ text: b.text, line: b.line, changed: changed.has(i) })) };
}

/** The recap's languages: the source first, then each of the site's languages. */
export async function translationsOf(home: string, file: string, sites?: Map<string, SiteLanguages>): Promise<TranslationSet> {
  const loc = locate(file, false, sites);
  const src = sourcePath(loc);
  const sourceText = await readIfInside(loc, src);
  const hashes = sourceText === null ? [] : sourceBlocks(editorBody(sourceText)).map((b) => b.hash);
  const sourceFields = sourceText === null ? [] : readFrontMatter(sourceText).fields;
  const entries: TranslationEntry[] = [];
  for (const lang of loc.site.languages) {
    const at = lang === loc.site.defaultLang ? src : pathIn(loc, lang);
    const text = await readIfInside(loc, at);
    const isSource = lang === loc.site.defaultLang;
    const record = isSource || text === null ? null : await readRecord(home, real(at));
    const marked = record?.fields ?? (sourceText === null ? [] : textFields(sourceFields, profileForRecap(src).fields));
    entries.push({
      lang,
      path: at,
      exists: text !== null,
      isSource,
      changedBlocks: record ? changedBlocks(record.sourceHashes, hashes).length : 0,
      untranslated: isSource || text === null ? [] : untranslatedFields(marked, sourceFields, readFrontMatter(text).fields),
    });
  }
  return { source: src, sourceLang: loc.site.defaultLang, entries };
}

/** The posts of the recap that exist, in each of its site's languages: the source first. */
export function existingLanguages(file: string): Array<{ lang: string; path: string }> {
  const loc = locate(file);
  return loc.site.languages
    .map((lang) => ({ lang, path: lang === loc.site.defaultLang ? sourcePath(loc) : pathIn(loc, lang) }))
    .filter((m) => {
      try {
        return isInside(loc.root, realpathSync(m.path)) && statSync(m.path).isFile();
      } catch {
        return false;
      }
    });
}
