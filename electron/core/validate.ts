// Every payload that crosses a door (IPC, HTTP) is checked here before the service sees it.
// The renderer is not trusted: a compromised page must not be able to make the service read
// or write anything it did not ask for in the shape the contract allows.

import { THEME_CHOICES } from './contract';
import type { DocumentState, PhotoFolderRequest, PhotoSource, RecapMethod, RequestOf, TemplateRef, TemplateSource, ThemeChoice } from './contract';
import { RecapError } from './errors';
import { isSnapshotId } from './history';
import { TEMPLATE_NAME_MAX, templateNameError } from './recap/placeholders';
import { isLocale } from './i18n/messages';
import { isLangCode } from './translation/layout';
import { msg } from './i18n/messages';
import type { Msg } from './i18n/messages';

type Obj = Record<string, unknown>;

const MAX_TEXT = 20 * 1024 * 1024;
/** Base64 of the largest photo the profiles allow (64 MB) plus headroom. */
const MAX_PHOTO_BASE64 = 90 * 1024 * 1024;
const MAX_PATH = 4096;

function fail(method: string, what: Msg): never {
  throw new RecapError('BAD_REQUEST', msg('error.invalidRequest', { method, what }));
}

function obj(method: string, v: unknown): Obj {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) fail(method, msg('error.invalid.object'));
  return v as Obj;
}

function str(method: string, o: Obj, key: string, max: number): string {
  const v = o[key];
  if (typeof v !== 'string') fail(method, msg('error.invalid.string', { key }));
  if (v.length > max) fail(method, msg('error.invalid.tooLong', { key }));
  if (v.includes('\0')) fail(method, msg('error.invalid.nul', { key }));
  return v;
}

function optStr(method: string, o: Obj, key: string, max: number): string | undefined {
  return o[key] === undefined ? undefined : str(method, o, key, max);
}

function strOrNull(method: string, o: Obj, key: string, max: number): string | null {
  return o[key] === null || o[key] === undefined ? null : str(method, o, key, max);
}

function absPath(method: string, o: Obj, key: string): string {
  const p = str(method, o, key, MAX_PATH);
  if (!(p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'))) fail(method, msg('error.invalid.absolute', { key }));
  return p;
}

function bool(method: string, o: Obj, key: string): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') fail(method, msg('error.invalid.boolean', { key }));
  return v;
}

function num(method: string, o: Obj, key: string): number | null | undefined {
  const v = o[key];
  if (v === undefined || v === null) return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(method, msg('error.invalid.number', { key }));
  return v;
}

function photoFolder(method: string, o: Obj): PhotoFolderRequest {
  return { recapPath: absPath(method, o, 'recapPath'), imageDir: str(method, o, 'imageDir', 200) };
}

function fileName(method: string, o: Obj, key: string): string {
  const n = str(method, o, key, 255);
  if (n.trim() === '' || /[\\/]/.test(n)) fail(method, msg('error.invalid.fileName', { key }));
  return n;
}

function photoSource(method: string, o: Obj): PhotoSource {
  const s = o['source'];
  if (typeof s !== 'object' || s === null || Array.isArray(s)) fail(method, msg('error.invalid.source', { path: '{path}', data: '{name, dataBase64}' }));
  const src = s as Obj;
  if (src['path'] !== undefined) return { path: absPath(method, src, 'path') };
  const data = str(method, src, 'dataBase64', MAX_PHOTO_BASE64);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) fail(method, msg('error.invalid.base64'));
  return { name: fileName(method, src, 'name'), dataBase64: data };
}

/** Image URLs of a recap's links: at most 5000, each a string of at most 4096 characters. */
function urlList(method: string, urls: unknown): string[] {
  if (!Array.isArray(urls) || urls.length > 5000) fail(method, msg('error.invalid.urls'));
  for (const u of urls) if (typeof u !== 'string' || u.length > 4096) fail(method, msg('error.invalid.url'));
  return urls as string[];
}

/** Draft ids are made by the store: a short slug and 6 hex digits. */
function draftId(method: string, o: Obj, key = 'id'): string {
  const id = str(method, o, key, 40);
  if (!/^[a-z0-9]{4,16}-[0-9a-f]{6}$/.test(id)) fail(method, msg('error.invalid.draftId', { key }));
  return id;
}

function idOnly<M extends RecapMethod>(method: M): (raw: unknown) => RequestOf<M> {
  return (raw) => ({ id: draftId(method, obj(method, raw)) }) as RequestOf<M>;
}

function snapshot(method: string, o: Obj): { id: string; snapId: string } {
  const snapId = str(method, o, 'snapId', 100);
  if (!isSnapshotId(snapId)) fail(method, msg('error.invalid.snapId'));
  return { id: draftId(method, o), snapId };
}

function exportRequest(method: string, o: Obj): RequestOf<'planExport'> {
  const t = o['target'];
  if (typeof t !== 'object' || t === null || Array.isArray(t)) fail(method, msg('error.invalid.target', { dir: '{kind, dir}', zip: '{kind: "zip", file}' }));
  const to = t as Obj;
  let target: RequestOf<'planExport'>['target'];
  if (to['kind'] === 'site' || to['kind'] === 'folder') target = { kind: to['kind'], dir: absPath(method, to, 'dir') };
  else if (to['kind'] === 'zip') {
    const file = absPath(method, to, 'file');
    if (!/\.zip$/i.test(file)) fail(method, msg('error.invalid.zip'));
    target = { kind: 'zip', file };
  } else fail(method, msg('error.invalid.targetKind'));
  const req: RequestOf<'planExport'> = { recapPath: absPath(method, o, 'recapPath'), target };
  if (o['text'] !== undefined) req.text = str(method, o, 'text', MAX_TEXT);
  for (const key of ['profile', 'slug', 'lang', 'imageDir'] as const) {
    const v = optStr(method, o, key, 200);
    if (v === undefined) continue;
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(v)) fail(method, msg('error.invalid.word', { key }));
    req[key] = v;
  }
  // A site's section for the post: a Hugo section or a Jekyll category folder, which may be nested (`events/meetups`).
  const section = optStr(method, o, 'section', 200);
  if (section !== undefined) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/.test(section)) fail(method, msg('error.invalid.word', { key: 'section' }));
    req.section = section;
  }
  for (const key of ['dryRun', 'overwrite', 'leaveOutUnused', 'withTranslations'] as const) {
    const v = bool(method, o, key);
    if (v !== undefined) req[key] = v;
  }
  return req;
}

const TEMPLATE_SOURCES: readonly TemplateSource[] = ['builtin', 'archetype', 'site', 'app', 'posts'];

/** A template of listTemplates: {source, name, site} (site: an absolute path, or null for builtin and app). */
function templateRef(t: unknown): TemplateRef {
  if (typeof t !== 'object' || t === null || Array.isArray(t)) fail('newRecap', msg('error.invalid.template', { shape: '{source, name, site}' }));
  const o = t as Obj;
  const source = o['source'];
  if (!TEMPLATE_SOURCES.includes(source as TemplateSource)) fail('newRecap', msg('error.invalid.templateSource'));
  const name = str('newRecap', o, 'name', 200);
  if (source === 'archetype' ? !/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) : source !== 'builtin' && templateNameError(name) !== null) {
    fail('newRecap', msg('error.invalid.templateName', { key: 'template.name' }));
  }
  const needsSite = source === 'archetype' || source === 'site' || source === 'posts';
  const site = needsSite ? absPath('newRecap', o, 'site') : null;
  return { source: source as TemplateSource, name, site };
}

/** A BCP 47 tag as spellcheckers name dictionaries: en, en-US, zh-CN, sr-Latn, pt-BR. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

function languages(method: string, o: Obj): string[] {
  const list = o['languages'];
  if (!Array.isArray(list) || list.length > 3) fail(method, msg('error.invalid.languages'));
  for (const l of list) if (typeof l !== 'string' || !LANGUAGE_TAG.test(l)) fail(method, msg('error.invalid.languageTags'));
  return list as string[];
}

function findInPage(method: string, o: Obj): RequestOf<'findInPage'> {
  const text = str(method, o, 'text', 1000);
  if (text === '') fail(method, msg('error.invalid.empty', { key: 'text' }));
  const req: RequestOf<'findInPage'> = { text };
  for (const key of ['forward', 'findNext', 'matchCase'] as const) {
    const v = bool(method, o, key);
    if (v !== undefined) req[key] = v;
  }
  return req;
}

type Validators = { [M in RecapMethod]: (raw: unknown) => RequestOf<M> };

const validators: Validators = {
  appInfo: () => undefined as never,
  showOpenDialog: () => undefined as never,
  closeWindow: () => undefined as never,
  newRecap: (raw) => {
    const o = obj('newRecap', raw);
    const req: RequestOf<'newRecap'> = {};
    const title = optStr('newRecap', o, 'title', 500);
    if (title !== undefined) req.title = title;
    if (o['template'] !== undefined) req.template = templateRef(o['template']);
    return req;
  },
  listTemplates: (raw) => {
    const o = obj('listTemplates', raw);
    return o['site'] === undefined ? {} : { site: absPath('listTemplates', o, 'site') };
  },
  saveTemplate: (raw) => {
    const o = obj('saveTemplate', raw);
    const name = str('saveTemplate', o, 'name', TEMPLATE_NAME_MAX);
    if (templateNameError(name) !== null) fail('saveTemplate', msg('error.invalid.templateName', { key: 'name' }));
    const req: RequestOf<'saveTemplate'> = { id: draftId('saveTemplate', o, 'id'), text: str('saveTemplate', o, 'text', MAX_TEXT), name };
    const overwrite = bool('saveTemplate', o, 'overwrite');
    if (overwrite !== undefined) req.overwrite = overwrite;
    return req;
  },
  linkCard: (raw) => {
    const o = obj('linkCard', raw);
    return { id: draftId('linkCard', o, 'id'), text: str('linkCard', o, 'text', MAX_TEXT) };
  },
  openRecap: (raw) => ({ path: absPath('openRecap', obj('openRecap', raw), 'path') }),
  saveRecap: (raw) => {
    const o = obj('saveRecap', raw);
    const req: RequestOf<'saveRecap'> = { path: absPath('saveRecap', o, 'path'), text: str('saveRecap', o, 'text', MAX_TEXT) };
    const expect = num('saveRecap', o, 'expectMtimeMs');
    if (expect !== undefined) req.expectMtimeMs = expect;
    const createOnly = bool('saveRecap', o, 'createOnly');
    if (createOnly !== undefined) req.createOnly = createOnly;
    return req;
  },
  lintRecap: (raw) => {
    const o = obj('lintRecap', raw);
    const req: RequestOf<'lintRecap'> = { text: str('lintRecap', o, 'text', MAX_TEXT), path: o['path'] == null ? null : absPath('lintRecap', o, 'path') };
    const profile = optStr('lintRecap', o, 'profile', 200);
    if (profile !== undefined) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(profile)) fail('lintRecap', msg('error.invalid.profile'));
      req.profile = profile;
    }
    return req;
  },
  resolveImages: (raw) => {
    const o = obj('resolveImages', raw);
    const figureUrls = o['figureUrls'] === undefined ? {} : { figureUrls: urlList('resolveImages', o['figureUrls']) };
    const matchUrls = o['matchUrls'] === undefined ? {} : { matchUrls: urlList('resolveImages', o['matchUrls']) };
    return { recapPath: o['recapPath'] == null ? null : absPath('resolveImages', o, 'recapPath'), urls: urlList('resolveImages', o['urls']), ...figureUrls, ...matchUrls };
  },
  listDirectory: (raw) => {
    const o = obj('listDirectory', raw);
    return { path: o['path'] == null ? null : absPath('listDirectory', o, 'path') };
  },
  showSaveDialog: (raw) => {
    const o = obj('showSaveDialog', raw);
    return { suggestedName: str('showSaveDialog', o, 'suggestedName', 255), defaultDir: strOrNull('showSaveDialog', o, 'defaultDir', MAX_PATH) };
  },
  photoFolder: (raw) => {
    const o = obj('photoFolder', raw);
    const imageDir = optStr('photoFolder', o, 'imageDir', 200);
    const req: RequestOf<'photoFolder'> = { recapPath: absPath('photoFolder', o, 'recapPath'), text: str('photoFolder', o, 'text', MAX_TEXT) };
    if (imageDir !== undefined) req.imageDir = imageDir;
    return req;
  },
  importPhoto: (raw) => {
    const o = obj('importPhoto', raw);
    const alt = optStr('importPhoto', o, 'alt', 1000);
    return { ...photoFolder('importPhoto', o), source: photoSource('importPhoto', o), ...(alt !== undefined ? { alt } : {}) };
  },
  listPhotos: (raw) => photoFolder('listPhotos', obj('listPhotos', raw)),
  linkedPhotos: (raw) => {
    const o = obj('linkedPhotos', raw);
    const figureUrls = o['figureUrls'] === undefined ? {} : { figureUrls: urlList('linkedPhotos', o['figureUrls']) };
    const coverUrls = o['coverUrls'] === undefined ? {} : { coverUrls: urlList('linkedPhotos', o['coverUrls']) };
    return { ...photoFolder('linkedPhotos', o), urls: urlList('linkedPhotos', o['urls']), ...figureUrls, ...coverUrls };
  },
  copyLinkedPhoto: (raw) => {
    const o = obj('copyLinkedPhoto', raw);
    const alt = optStr('copyLinkedPhoto', o, 'alt', 1000);
    const figure = bool('copyLinkedPhoto', o, 'figure');
    const cover = bool('copyLinkedPhoto', o, 'cover');
    return { ...photoFolder('copyLinkedPhoto', o), url: str('copyLinkedPhoto', o, 'url', 4096), ...(alt !== undefined ? { alt } : {}), ...(figure !== undefined ? { figure } : {}), ...(cover !== undefined ? { cover } : {}) };
  },
  removePhoto: (raw) => {
    const o = obj('removePhoto', raw);
    return { ...photoFolder('removePhoto', o), name: fileName('removePhoto', o, 'name') };
  },
  restorePhoto: (raw) => {
    const o = obj('restorePhoto', raw);
    const trashId = str('restorePhoto', o, 'trashId', 200);
    if (!/^[A-Za-z0-9_.-]+$/.test(trashId) || trashId.startsWith('.')) fail('restorePhoto', msg('error.invalid.trashId'));
    return { ...photoFolder('restorePhoto', o), trashId };
  },
  replacePhoto: (raw) => {
    const o = obj('replacePhoto', raw);
    return { ...photoFolder('replacePhoto', o), name: fileName('replacePhoto', o, 'name'), source: photoSource('replacePhoto', o) };
  },
  showPhotoDialog: (raw) => ({ multiple: bool('showPhotoDialog', obj('showPhotoDialog', raw), 'multiple') ?? true }),
  recoverSession: () => undefined as never,
  homeData: (raw) => {
    const query = optStr('homeData', obj('homeData', raw), 'query', 500);
    return query === undefined ? {} : { query };
  },
  openDraft: idOnly('openDraft'),
  autosave: (raw) => {
    const o = obj('autosave', raw);
    const snap = bool('autosave', o, 'snapshot');
    return { id: draftId('autosave', o), text: str('autosave', o, 'text', MAX_TEXT), ...(snap !== undefined ? { snapshot: snap } : {}) };
  },
  saveToFile: (raw) => {
    const o = obj('saveToFile', raw);
    const req: RequestOf<'saveToFile'> = { id: draftId('saveToFile', o), text: str('saveToFile', o, 'text', MAX_TEXT) };
    if (o['path'] !== undefined) req.path = absPath('saveToFile', o, 'path');
    const overwrite = bool('saveToFile', o, 'overwrite');
    if (overwrite !== undefined) req.overwrite = overwrite;
    if ('expectHash' in o) {
      const h = o['expectHash'];
      if (h !== null && (typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) fail('saveToFile', msg('error.invalid.hash'));
      req.expectHash = h as string | null;
    }
    return req;
  },
  checkLinkedFile: idOnly('checkLinkedFile'),
  reloadLinkedFile: idOnly('reloadLinkedFile'),
  duplicateDraft: idOnly('duplicateDraft'),
  deleteDraft: idOnly('deleteDraft'),
  restoreDraft: idOnly('restoreDraft'),
  listHistory: idOnly('listHistory'),
  coverThumbnail: idOnly('coverThumbnail'),
  diffSnapshot: (raw) => snapshot('diffSnapshot', obj('diffSnapshot', raw)),
  restoreSnapshot: (raw) => snapshot('restoreSnapshot', obj('restoreSnapshot', raw)),
  setOpenDrafts: (raw) => {
    const o = obj('setOpenDrafts', raw);
    const ids = o['ids'];
    if (!Array.isArray(ids) || ids.length > 100) fail('setOpenDrafts', msg('error.invalid.ids'));
    return { ids: ids.map((_, i) => draftId('setOpenDrafts', ids as unknown as Obj, String(i))) };
  },
  removeRecentFile: (raw) => ({ path: absPath('removeRecentFile', obj('removeRecentFile', raw), 'path') }),
  listSites: () => undefined as never,
  rememberSite: (raw) => ({ dir: absPath('rememberSite', obj('rememberSite', raw), 'dir') }),
  forgetSite: (raw) => ({ root: absPath('forgetSite', obj('forgetSite', raw), 'root') }),
  planExport: (raw) => exportRequest('planExport', obj('planExport', raw)),
  exportRecap: (raw) => exportRequest('exportRecap', obj('exportRecap', raw)),
  addTranslation: (raw) => {
    const o = obj('addTranslation', raw);
    const lang = str('addTranslation', o, 'lang', 40);
    if (!isLangCode(lang)) fail('addTranslation', msg('error.invalid.langCode'));
    return { path: absPath('addTranslation', o, 'path'), lang };
  },
  translationsOf: (raw) => ({ path: absPath('translationsOf', obj('translationsOf', raw), 'path') }),
  translationView: (raw) => ({ path: absPath('translationView', obj('translationView', raw), 'path') }),
  showFolderDialog: (raw) => {
    const o = obj('showFolderDialog', raw);
    return { title: str('showFolderDialog', o, 'title', 200), defaultDir: strOrNull('showFolderDialog', o, 'defaultDir', MAX_PATH) };
  },
  setTheme: (raw) => {
    const theme = obj('setTheme', raw).theme;
    if (!THEME_CHOICES.includes(theme as ThemeChoice)) fail('setTheme', msg('error.invalid.theme'));
    return { theme: theme as ThemeChoice };
  },
  setLocale: (raw) => {
    const o = obj('setLocale', raw);
    if (!isLocale(o['locale'])) fail('setLocale', msg('error.invalid.oneOf', { key: 'locale', choices: '"en", "zh-CN"' }));
    if (o['choice'] !== 'system' && !isLocale(o['choice'])) fail('setLocale', msg('error.invalid.oneOf', { key: 'choice', choices: '"system", "en", "zh-CN"' }));
    return { locale: o['locale'], choice: o['choice'] };
  },
  setSpellcheckLanguages: (raw) => ({ languages: languages('setSpellcheckLanguages', obj('setSpellcheckLanguages', raw)) }),
  findInPage: (raw) => findInPage('findInPage', obj('findInPage', raw)),
  stopFindInPage: () => undefined as never,
  setDocumentState: (raw): DocumentState => {
    const o = obj('setDocumentState', raw);
    const dirty = bool('setDocumentState', o, 'dirty');
    if (dirty === undefined) fail('setDocumentState', msg('error.invalid.dirty'));
    return { title: str('setDocumentState', o, 'title', 1000), path: strOrNull('setDocumentState', o, 'path', MAX_PATH), dirty };
  },
};

export const RECAP_METHODS = Object.keys(validators) as RecapMethod[];

export function isRecapMethod(name: unknown): name is RecapMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(validators, name);
}

export function validateRequest<M extends RecapMethod>(method: M, raw: unknown): RequestOf<M> {
  return (validators[method] as (raw: unknown) => RequestOf<M>)(raw);
}
