// The one typed contract between the renderer and the service. The renderer codes against
// `RecapApi` only; it never knows whether it talks to Electron IPC or the browser-mode HTTP
// server. Type-only module (no runtime imports), shared by every side. The data types live by
// capability in contract/ (problems, sites, photos, recaps, drafts, export); this module
// re-exports them all, so importers name only `contract`.

import type { RecapErrorShape } from './errors';
import type { LineDiff } from './history';
import type { DraftSummary, HomeData, LinkedFileStatus, RecentFile, SaveToFileRequest, SessionRecovery, SnapshotInfo, TrashedDraft } from './contract/drafts';
import type { ExportReport, ExportRequest } from './contract/export';
import type { ImportPhotoResult, LinkedPhoto, Photo, PhotoFolderInfo, PhotoFolderRequest, PhotoSource } from './contract/photos';
import type { Problem } from './contract/problems';
import type { DirListing, ImageLookup, OpenedRecap, SaveRequest, SaveResult } from './contract/recaps';
import type { RememberedSite, SiteProfile } from './contract/sites';
import type { LinkCard, SavedTemplate, SaveTemplateRequest, TemplateInfo, TemplateRef } from './contract/templates';
import type { FindInPageRequest, FoundInPage, LocaleChoice, SpellcheckState } from './contract/desk';
import type { Locale } from './i18n/messages';
import type { TranslationSet, TranslationView } from './contract/translations';

export type { LineDiff };
export type { FieldSpec, FieldType, OneStringSeparator, Problem, Severity } from './contract/problems';
export type { ImportPhotoResult, LinkedPhoto, Photo, PhotoFolderFixed, PhotoFolderInfo, PhotoFolderRequest, PhotoSettings, PhotoSource } from './contract/photos';
export type { MarkdownReading, PostPlace, RememberedSite, RulesInfo, SiteGenerator, SiteInfo, SiteMedia, SiteProfile, StaticMount } from './contract/sites';
export type { ExportFile, ExportFileStatus, ExportReport, ExportRequest, ExportTarget } from './contract/export';
export type { DirEntry, DirListing, ImageLookup, OpenedRecap, SaveRequest, SaveResult } from './contract/recaps';
export type { LinkCard, SavedTemplate, SaveTemplateRequest, TemplateInfo, TemplateRef, TemplateSource } from './contract/templates';
export type { FindInPageRequest, FoundInPage, LocaleChoice, SpellcheckState } from './contract/desk';
export type { SourceBlockInfo, TranslationEntry, TranslationSet, TranslationView } from './contract/translations';
export type { DraftLanguage, DraftLanguageGroup, DraftSummary, HomeData, LinkedFileStatus, OpenDraftResult, OpenedFileDraft, RecentFile, SaveToFileRequest, SessionRecovery, SnapshotInfo, TrashedDraft } from './contract/drafts';

export interface AppInfo {
  door: 'electron' | 'web';
  /** Electron shows native Open/Save dialogs; the browser mode shows an in-app picker. */
  nativeDialogs: boolean;
  homeDir: string;
  version: string;
}

/** What the title bar and the close guard need to know. */
export interface DocumentState {
  title: string;
  path: string | null;
  dirty: boolean;
}

/** Commands that arrive from outside the page (Electron menu, close guard). */
/** The app's theme: follow the system, or always light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** A choice made in Electron's View menu, sent to the page, which applies it as its own. */
export type ViewChoice = { theme: ThemeChoice } | { locale: LocaleChoice };

export type AppCommand = 'new' | 'open' | 'save' | 'save-as' | 'save-and-close' | 'flush-and-close' | 'home' | 'history' | 'insert-photos' | 'export' | 'add-translation';

export interface RecapApi {
  appInfo(): Promise<AppInfo>;
  /** A new draft from the event-recap template, or from a template of `listTemplates` (an archetype or saved template of a remembered site, or one saved in the app). */
  newRecap(req: { title?: string; template?: TemplateRef }): Promise<OpenedRecap>;
  /** The templates a new recap can start from: built-in, the app's, and each remembered site's (or one site's). */
  listTemplates(req: { site?: string }): Promise<TemplateInfo[]>;
  /** "Save as template": the draft's front matter with values cleared and its headings, in its site (else the app). EXISTS unless `overwrite`. */
  saveTemplate(req: SaveTemplateRequest): Promise<SavedTemplate>;
  /** The card a reader sees when the recap is shared, with the checks that concern it. */
  linkCard(req: { id: string; text: string }): Promise<LinkCard>;
  openRecap(req: { path: string }): Promise<OpenedRecap>;
  saveRecap(req: SaveRequest): Promise<SaveResult>;
  /** Front-matter schema and Markdown checks, including links to local images. */
  lintRecap(req: { text: string; path: string | null; profile?: string }): Promise<Problem[]>;
  /**
   * Where each image is; `figureUrls` are srcs of Hugo's figure shortcode (looked for as Hugo does, also in the site's assets/), answered with `figure: true`;
   * `matchUrls` the patterns of a theme's shortcodes (theme-shortcodes.ts), looked up among the page bundle's files, answered with `match: true`.
   */
  resolveImages(req: { recapPath: string | null; urls: string[]; figureUrls?: string[]; matchUrls?: string[] }): Promise<ImageLookup[]>;
  /** Folders and Markdown files of a folder, for the browser mode's picker. null = home. */
  listDirectory(req: { path: string | null }): Promise<DirListing>;
  /** Native dialogs (Electron). The browser mode answers UNSUPPORTED. */
  showOpenDialog(): Promise<string | null>;
  showSaveDialog(req: { suggestedName: string; defaultDir: string | null }): Promise<string | null>;
  setDocumentState(req: DocumentState): Promise<void>;
  /** The theme the author chose (Electron: the window's native theme; the browser mode ignores it). */
  setTheme(req: { theme: ThemeChoice }): Promise<void>;
  /** The interface language (Electron: the menus and the context menu follow it; the browser mode ignores it). */
  setLocale(req: { locale: Locale; choice: LocaleChoice }): Promise<void>;
  /** The recap's spelling languages, BCP 47, at most 3; [] = the system's. Answers what is in use (Electron only; the browser mode answers []). */
  setSpellcheckLanguages(req: { languages: string[] }): Promise<SpellcheckState>;
  /** Electron: finds text in the window (results arrive through the bridge's onFoundInPage); the browser mode answers UNSUPPORTED. */
  findInPage(req: FindInPageRequest): Promise<{ requestId: number }>;
  stopFindInPage(): Promise<void>;
  /** The photo folder of a saved recap; the image dir comes from its links, else its slug. */
  photoFolder(req: { recapPath: string; text: string; imageDir?: string }): Promise<PhotoFolderInfo>;
  /** Makes one photo web-ready in the recap's folder; a bad file answers BAD_PHOTO. */
  importPhoto(req: PhotoFolderRequest & { source: PhotoSource; alt?: string }): Promise<ImportPhotoResult>;
  listPhotos(req: PhotoFolderRequest): Promise<Photo[]>;
  /** Moves the file to the app's trash (kept 30 days) so that it can be restored. */
  removePhoto(req: PhotoFolderRequest & { name: string }): Promise<{ trashId: string }>;
  restorePhoto(req: PhotoFolderRequest & { trashId: string }): Promise<Photo>;
  /** Replaces a photo's content with another photo's; same name unless the format changes. */
  replacePhoto(req: PhotoFolderRequest & { name: string; source: PhotoSource }): Promise<Photo>;
  /** The images `urls` (the text's links) name that resolve, as lint and the preview resolve them, to an image outside the photo folder. */
  linkedPhotos(req: PhotoFolderRequest & { urls: string[]; figureUrls?: string[]; coverUrls?: string[] }): Promise<LinkedPhoto[]>;
  /** Imports the image `url` names (resolved as linkedPhotos does; `figure`: a src of Hugo's figure; `cover`: the cover field's value) into the photo folder; the page relinks. */
  copyLinkedPhoto(req: PhotoFolderRequest & { url: string; alt?: string; figure?: boolean; cover?: boolean }): Promise<ImportPhotoResult>;
  /** Native multi-select dialog for photos (Electron); the browser mode answers UNSUPPORTED. */
  showPhotoDialog(req: { multiple: boolean }): Promise<string[]>;
  /** Once at start: what a crash left open (to reopen, with a message); purges the old trash. */
  recoverSession(): Promise<SessionRecovery>;
  /** The home screen: drafts (newest first, filtered by a search), recent files, the trash. */
  homeData(req: { query?: string }): Promise<HomeData>;
  openDraft(req: { id: string }): Promise<OpenedRecap>;
  /** Autosave: atomic, skipped when unchanged; `snapshot` also records a history version (blur, close). */
  autosave(req: { id: string; text: string; snapshot?: boolean }): Promise<DraftSummary>;
  /** Save / Save As: the file on disk, never over a file changed by someone else (CHANGED_ON_DISK). */
  /** `profile`: a Save As only, the rules of the file the recap is now (its site's, or none). */
  saveToFile(req: SaveToFileRequest): Promise<{ draft: DraftSummary; linked: LinkedFileStatus; profile?: SiteProfile }>;
  checkLinkedFile(req: { id: string }): Promise<LinkedFileStatus>;
  /** Replaces the draft's text with the file's; the draft's text goes to the history first. */
  reloadLinkedFile(req: { id: string }): Promise<{ text: string; draft: DraftSummary }>;
  duplicateDraft(req: { id: string }): Promise<DraftSummary>;
  /** To the trash, restorable for 30 days. */
  deleteDraft(req: { id: string }): Promise<TrashedDraft>;
  restoreDraft(req: { id: string }): Promise<DraftSummary>;
  listHistory(req: { id: string }): Promise<SnapshotInfo[]>;
  /** The version against the current text. */
  diffSnapshot(req: { id: string; snapId: string }): Promise<LineDiff>;
  /** The current text becomes a version first: restoring loses nothing. */
  restoreSnapshot(req: { id: string; snapId: string }): Promise<{ text: string; draft: DraftSummary }>;
  /** The drafts open in this window, reopened after a crash. */
  setOpenDrafts(req: { ids: string[] }): Promise<void>;
  /** Makes (once) and answers the URL of a draft's cover thumbnail for the home screen. */
  coverThumbnail(req: { id: string }): Promise<string | null>;
  removeRecentFile(req: { path: string }): Promise<RecentFile[]>;
  /** The website checkouts the author pointed Recap Studio at, most recently used first. */
  listSites(): Promise<RememberedSite[]>;
  /** Detects the generator and profile of a checkout and remembers it. */
  rememberSite(req: { dir: string }): Promise<RememberedSite>;
  forgetSite(req: { root: string }): Promise<void>;
  /** Plans an export and runs the preflight: nothing is written. */
  planExport(req: ExportRequest): Promise<ExportReport>;
  /** Writes the export atomically; EXISTS (listing the files) unless `overwrite`. */
  exportRecap(req: ExportRequest): Promise<ExportReport>;
  /** Creates the recap's post in another language of its site (same name and images); EXISTS, untouched, when there is one. */
  addTranslation(req: { path: string; lang: string }): Promise<{ path: string }>;
  /** The recap's languages: the source and each translation, with what is out of date. */
  translationsOf(req: { path: string }): Promise<TranslationSet>;
  /** For a translation: its source's blocks and which changed since it was last saved; null for a source. */
  translationView(req: { path: string }): Promise<TranslationView | null>;
  /** Native folder dialog (Electron); the browser mode answers UNSUPPORTED. */
  showFolderDialog(req: { title: string; defaultDir: string | null }): Promise<string | null>;
  /** Called by the renderer after it handled 'save-and-close' (or the author discarded). */
  closeWindow(): Promise<void>;
}

export type RecapMethod = keyof RecapApi;
export type RequestOf<M extends RecapMethod> = Parameters<RecapApi[M]>[0];
export type ResponseOf<M extends RecapMethod> = Awaited<ReturnType<RecapApi[M]>>;

/** The envelope both transports use, so that errors cross the door as values. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RecapErrorShape };

/** What the preload exposes as `window.recap`. */
export interface RecapBridge {
  invoke<M extends RecapMethod>(method: M, req: RequestOf<M>): Promise<Envelope<ResponseOf<M>>>;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Path of a dropped file (Electron `webUtils.getPathForFile`). */
  pathForFile(file: File): string;
  /** Finds text in the window (`webContents.findInPage`), through the same validated channel as invoke. */
  findInPage(text: string, options: Omit<FindInPageRequest, 'text'>): Promise<Envelope<ResponseOf<'findInPage'>>>;
  stopFindInPage(): Promise<Envelope<ResponseOf<'stopFindInPage'>>>;
  /** The results of findInPage ('found-in-page'), until unsubscribed. */
  onFoundInPage(listener: (result: FoundInPage) => void): () => void;
  /** Theme and language chosen in the View menu, until unsubscribed. */
  onViewChoice(listener: (choice: ViewChoice) => void): () => void;
}
