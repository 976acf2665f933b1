// The one typed contract between the renderer and the service. The renderer codes against
// `RecapApi` only; it never knows whether it talks to Electron IPC or the browser-mode HTTP
// server. Type-only module (no runtime imports), shared by every side.

import type { RecapErrorShape } from './errors';
import type { LineDiff } from './history';

export type { LineDiff };

export type Severity = 'error' | 'warning';

/** One finding of validation or lint, pointing at a line of the file when it can. */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  /** 1-based line in the whole file (front matter included). */
  line?: number;
  column?: number;
  /** Front-matter key the problem is about, for inline form messages. */
  field?: string;
}

export type FieldType = 'string' | 'text' | 'tags' | 'names' | 'date';

export interface FieldSpec {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Soft limit: past it the form and lint warn. */
  warnAbove?: number;
  /** For type 'date': the format written to the file. */
  format?: 'YYYY-MM-DD';
  help?: string;
}

/** How imported photos are made web-ready. */
export interface PhotoSettings {
  /** Longest edge in pixels; larger photos are scaled down, smaller ones never enlarged. */
  maxEdge: number;
  /** Encoder quality, 1–100, for JPEG (and WebP/AVIF output). */
  quality: number;
  /** Refused before decoding above this many pixels (decompression bombs). */
  maxInputPixels: number;
  /** Refused above this many bytes. */
  maxInputBytes: number;
  /** Output format for WebP, AVIF and HEIC inputs. */
  convertTo: 'jpeg' | 'webp' | 'keep';
  /** Keep EXIF/XMP/IPTC metadata (off by default: GPS and serial numbers must not leak). */
  keepMetadata: boolean;
  /** Front-matter field that names the cover photo, if the site has one. */
  coverField: string | null;
}

export type SiteGenerator = 'hugo' | 'jekyll' | 'docusaurus';

/** Which rules a post is checked with, and why: lint and the form say it. */
export interface RulesInfo {
  /**
   * `site`: detected from the site's files (its generator, config and posts); `site-file`: the
   * site's .recap-studio.yml; `profile`: a profile given by name; `generic`: outside any site.
   */
  source: 'site' | 'site-file' | 'profile' | 'generic';
  /** One sentence: which rules and why. */
  summary: string;
  /** What was found, one finding per line (formats, folders, fields the posts use, what is required). */
  details: string[];
  /** Fields most of the site's posts have beyond the profile's, and the kind of value they hold: offered in the form. */
  suggested?: Array<{ key: string; kind: 'string' | 'list' | 'boolean' | 'number' | 'map' | 'null' }>;
}

export interface SiteProfile {
  name: string;
  label: string;
  /**
   * Post path relative to the site root, e.g. `content/{lang}/news/{slug}.md`. Also `{section}`
   * (the profile's section) and `{date}` (YYYY-MM-DD, from the `dateField` of the front matter).
   */
  post: string;
  /**
   * Where a recap's images live and the URL the Markdown links them by. Site-absolute URL
   * (`/images/news/{imageDir}`): `dir` is relative to the site root (`static/images/news/{imageDir}`).
   * Relative URL (`.`, page bundles; `beside` is true): `dir` is relative to the post's folder and
   * links are relative (`./kcd-event.jpg`). Patterns may use {imageDir}, {slug}, {lang}, {section}, {date}.
   */
  images: {
    dir: string;
    url: string;
    beside: boolean;
    /** Preflight warns about an image file larger than this (bytes); photos.maxEdge bounds its pixels. */
    maxBytes: number;
  };
  /** Language folder used for `{lang}` when the site does not say otherwise. */
  defaultLang: string;
  /** Value of `{section}` in the post pattern (e.g. `news`, `posts`). */
  section: string;
  /** Front-matter field whose YYYY-MM-DD value fills `{date}`; null when the profile has none. */
  dateField: string | null;
  /** The theme prints the title as the page heading: a `# …` in the body would be a second one. */
  themePrintsTitle: boolean;
  /** The generator this profile is for; site detection picks profiles by it. */
  generator: SiteGenerator | null;
  fields: FieldSpec[];
  photos: PhotoSettings;
  /** Which rules these are and why (set when the profile was picked for a post or a site). */
  rules?: RulesInfo;
}

/** A local checkout of a website, as detected from its files. */
export interface SiteInfo {
  /** Absolute folder of the checkout. */
  root: string;
  generator: SiteGenerator | null;
  profile: SiteProfile;
  /** Where the profile came from: `built-in` or the site's `.recap-studio.yml`. */
  profileSource: 'built-in' | '.recap-studio.yml';
  /** Language folders for `{lang}` (e.g. `en`, `zh`), the profile's default first; [] when the pattern has none. */
  languages: string[];
  /** The site's Hugo archetypes (`default`, `posts`, …), offered as templates for a new recap. */
  archetypes: string[];
}

export interface RememberedSite extends SiteInfo {
  /** The folder is still there and its profile loads. */
  available: boolean;
  /** Why it is not available (folder gone, broken .recap-studio.yml); null when it is. */
  error: string | null;
  lastUsedAt: string;
}

/** Where an export writes: into a site checkout, a folder with the same layout, or a .zip of it. */
export type ExportTarget = { kind: 'site'; dir: string } | { kind: 'folder'; dir: string } | { kind: 'zip'; file: string };

export interface ExportRequest {
  /** The recap file (its images are found from it). */
  recapPath: string;
  /** The Markdown as the editor holds it; default: the file on disk. */
  text?: string;
  target: ExportTarget;
  /** Built-in profile name; default: the target site's profile, else the recap's. */
  profile?: string;
  /** Default: from the recap's path (or its title for a draft named recap.md). */
  slug?: string;
  /** Default: from the recap's path when it sits in a language folder, else the profile's. */
  lang?: string;
  /** Image folder name for `{imageDir}`; default: the folder the recap links to, else the slug. */
  imageDir?: string;
  /** Plan and check only: nothing is written, conflicts are listed instead of refused. */
  dryRun?: boolean;
  /** Replace existing files that differ (after the author confirmed the list). */
  overwrite?: boolean;
  /** Leave out the photos of the recap's folder that the text does not use. */
  leaveOutUnused?: boolean;
}

export type ExportFileStatus = 'added' | 'changed' | 'unchanged' | 'removed';

export interface ExportFile {
  /** Path relative to the target (forward slashes), e.g. `static/images/news/kcd-china/kcd-event.png`. */
  path: string;
  kind: 'post' | 'image';
  status: ExportFileStatus;
  /** Size written (or removed). */
  bytes: number;
  /** The local file an image is copied from; null for the post and removals. */
  source: string | null;
}

export interface ExportReport {
  target: ExportTarget;
  /** Profile used for the layout. */
  profile: string;
  slug: string;
  lang: string;
  imageDir: string;
  /** The post's path relative to the target; null when it cannot be made (e.g. no date for `{date}`). */
  post: string | null;
  /**
   * Why the post goes there: 'own', it is the recap's own file in that site; 'pinned', this
   * recap's earlier export put it there (a new title does not move it; a slug given renames it);
   * 'slug', a new post named after the recap; null without a post.
   */
  postFrom: 'own' | 'pinned' | 'slug' | null;
  dryRun: boolean;
  /** Something was written (false for a dry run, preflight errors, or nothing to change). */
  written: boolean;
  files: ExportFile[];
  added: string[];
  changed: string[];
  unchanged: string[];
  removed: string[];
  /** Existing files that differ and are not this recap's earlier export: replaced only with overwrite. */
  conflicts: string[];
  /** Photos of the recap's folder the text does not use (file names). */
  unused: string[];
  /** Preflight: errors block the export, warnings do not. */
  problems: Problem[];
  /** `git status --short` of the written paths when the target is a git checkout; null otherwise. */
  gitStatus: string | null;
  /** The written .zip (zip target only). */
  zip: { file: string; bytes: number; entries: number } | null;
  /**
   * After an export into a site: the recap's draft, now linked to the post it wrote (a new
   * recap becomes that file; a recap opened from the site knows the export wrote it), with the
   * text now in the file. null otherwise.
   */
  linkedTo?: { path: string; text: string; draft: DraftSummary } | null;
}

export interface OpenedRecap {
  /** Absolute path, or null for a new recap that was never saved. */
  path: string | null;
  /** The whole file exactly as on disk (BOM and line endings included). */
  text: string;
  profile: SiteProfile;
  /** Modification time at open, used to detect changes made by others before saving. */
  mtimeMs: number | null;
  /** The draft that shadows this recap in the app's data folder; it autosaves. */
  draft: DraftSummary;
  /** The linked file's state (changed on disk while the draft held unsaved changes, …). */
  linked: LinkedFileStatus;
  /** Set when the draft was damaged and an earlier version took its place: what happened. */
  recovered: string | null;
}

export interface SaveRequest {
  path: string;
  text: string;
  /** Refuse with CHANGED_ON_DISK when the file's mtime is no longer this one. */
  expectMtimeMs?: number | null;
  /** Refuse with EXISTS when the file exists (Save As without an overwrite confirmation). */
  createOnly?: boolean;
}

export interface SaveResult {
  path: string;
  bytes: number;
  mtimeMs: number;
}

export interface ImageLookup {
  /** The URL as written in the Markdown. */
  url: string;
  /** A URL the renderer can load, when the local file exists. */
  src: string | null;
  /** The local file looked for (absolute), when the URL maps to one. */
  localPath: string | null;
  /** Set when the link is refused by the containment rule: why (e.g. "leads outside the recap's folder (…)"). Nothing was read. */
  refused?: string;
}

export interface DirEntry {
  name: string;
  path: string;
  kind: 'dir' | 'file';
}

export interface DirListing {
  path: string;
  parent: string | null;
  entries: DirEntry[];
}

/** A web-ready photo of a recap, in the recap's image folder. */
export interface Photo {
  /** File name in the image folder, e.g. `kcd-event.jpg`. */
  name: string;
  /** Public URL the Markdown uses, e.g. `/images/news/kcd-china/kcd-event.jpg`. */
  url: string;
  localPath: string;
  bytes: number;
  width: number;
  height: number;
  format: string;
  /** A URL the renderer can load for a thumbnail. */
  thumbnail: string | null;
}

/** A photo to import: a file path (Electron, CLI) or its bytes (browser mode, clipboard). */
export type PhotoSource = { path: string } | { name: string; dataBase64: string };

export interface ImportPhotoResult {
  photo: Photo;
  /** The same content was already in the folder: that file is used, nothing is written. */
  reused: boolean;
  alt: string;
  /** `![alt](url)` ready to insert. */
  markdown: string;
}

/** Where a recap's photos go: the folder name, the local folder and its public URL. */
export interface PhotoFolderInfo {
  /** The editable folder name, e.g. `kcd-china`: from the recap's existing image links, else its slug. */
  imageDir: string;
  /** Absolute local folder the files are written to. */
  dir: string;
  /** Public URL prefix the Markdown links use, e.g. `/images/news/kcd-china`. */
  url: string;
}

/** Names a recap's photo folder in a request: the recap (granted) and the folder name. */
export interface PhotoFolderRequest {
  recapPath: string;
  imageDir: string;
}

// ---- Drafts: every recap being written lives in the app's data folder and autosaves ----

export interface DraftSummary {
  id: string;
  /** The front matter's title, '' when it has none. */
  title: string;
  /** The profile's date field (createTime), as written, or null. */
  eventDate: string | null;
  photoCount: number;
  /** ISO times. */
  created: string;
  updated: string;
  /** The cover photo's local file (the profile's cover field, else the first photo), or null. */
  coverPath: string | null;
  /**
   * A 320 px JPEG of the cover when already made (coverThumbnail makes it), or null: a local
   * path inside the service, a URL the renderer can load in every answer that crosses a door.
   */
  coverThumb: string | null;
  /** The draft's Markdown file in the data folder. */
  recapPath: string;
  /** What the photo library takes as `recapPath`: the linked file, else the draft's file. */
  photoRecapPath: string;
  imageDir: string;
  /** The file on disk this draft shadows, or null. */
  linkedPath: string | null;
  /** The draft holds changes not yet written back to its linked file. */
  unsavedToFile: boolean;
}

export interface SnapshotInfo {
  id: string;
  /** ISO time of the version it holds. */
  time: string;
  bytes: number;
  /** It holds the same text as the draft now. */
  isCurrent: boolean;
  /** This text was saved to the recap's file, or exported (the latest of the two). */
  label?: 'saved' | 'exported';
}

export type LinkedFileStatus =
  | { state: 'unlinked'; path: null; unsavedToFile: false }
  | { state: 'unchanged'; path: string; unsavedToFile: boolean; diskHash: string }
  | { state: 'deleted'; path: string; unsavedToFile: boolean }
  | {
      state: 'changed';
      path: string;
      unsavedToFile: boolean;
      diskHash: string;
      diskMtimeMs: number;
      /** The file's text now, for "compare" (null when it is no longer UTF-8 text). */
      diskText: string | null;
    };

export interface OpenedFileDraft {
  draft: DraftSummary;
  text: string;
  /** The file already had a draft shadow, which was reopened. */
  reused: boolean;
  /** The shadow had no unsaved changes and the file had changed: it was reloaded from disk. */
  reloaded: boolean;
  linked: LinkedFileStatus;
  recovered: string | null;
}

export interface TrashedDraft {
  id: string;
  title: string;
  deletedAt: string;
  expiresAt: string;
}

export interface SessionRecovery {
  /** The previous run ended without markSessionClean (a crash, a kill, a power cut). */
  crashed: boolean;
  /** The drafts that were open then, to reopen. Empty after a clean quit. */
  reopen: DraftSummary[];
  /** "Recovered 2 drafts with changes up to 14:05", or null. */
  message: string | null;
}

export interface RecentFile {
  path: string;
  openedAt: string;
  exists: boolean;
}

export interface OpenDraftResult {
  draft: DraftSummary;
  text: string;
  linked: LinkedFileStatus;
  /** Set when the draft was damaged and an earlier version took its place: what happened. */
  recovered: string | null;
}

export interface SaveToFileRequest {
  id: string;
  text: string;
  /** Save As: the new file. Omitted: write back to the linked file. */
  path?: string;
  /** Save As over an existing file the author confirmed replacing. */
  overwrite?: boolean;
  /**
   * Write back only if the file on disk still has this hash ("keep mine" passes the hash of
   * the version it overrides; null means the file is expected to be gone). Omitted: the hash
   * the draft last loaded or saved.
   */
  expectHash?: string | null;
}

export interface HomeData {
  drafts: DraftSummary[];
  recent: RecentFile[];
  trash: TrashedDraft[];
}

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
export type AppCommand = 'new' | 'open' | 'save' | 'save-as' | 'save-and-close' | 'flush-and-close' | 'home' | 'history' | 'insert-photos' | 'export';

export interface RecapApi {
  appInfo(): Promise<AppInfo>;
  /** A new draft from the event-recap template, or from an archetype of a remembered site. */
  newRecap(req: { title?: string; template?: { site: string; archetype: string } }): Promise<OpenedRecap>;
  openRecap(req: { path: string }): Promise<OpenedRecap>;
  saveRecap(req: SaveRequest): Promise<SaveResult>;
  /** Front-matter schema and Markdown checks, including links to local images. */
  lintRecap(req: { text: string; path: string | null; profile?: string }): Promise<Problem[]>;
  resolveImages(req: { recapPath: string | null; urls: string[] }): Promise<ImageLookup[]>;
  /** Folders and Markdown files of a folder, for the browser mode's picker. null = home. */
  listDirectory(req: { path: string | null }): Promise<DirListing>;
  /** Native dialogs (Electron). The browser mode answers UNSUPPORTED. */
  showOpenDialog(): Promise<string | null>;
  showSaveDialog(req: { suggestedName: string; defaultDir: string | null }): Promise<string | null>;
  setDocumentState(req: DocumentState): Promise<void>;
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
  saveToFile(req: SaveToFileRequest): Promise<{ draft: DraftSummary; linked: LinkedFileStatus }>;
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
}
