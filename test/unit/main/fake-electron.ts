// A stand-in for the `electron` module, the way Electron Fiddle tests its main process: the
// door's own code runs for real (windows, guards, IPC, grants, protocols, the service on temp
// files) while Electron's objects only record what they were asked and answer like Electron.
// Tests use it with `vi.mock('electron', () => import('./fake-electron'))`.

import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** What Electron hands a listener: `sender` (a web contents) and the frame that sent it. */
export interface FakeFrame {
  url: string;
}

type WindowOpenHandler = (details: { url: string; disposition: string; frameName: string; features: string }) => { action: 'allow' | 'deny' };

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame: FakeFrame = { url: '' };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  destroyed = false;
  /** findInPage calls (text and options), stopFindInPage actions, replaced misspellings. */
  readonly finds: { text: string; options: Record<string, unknown> }[] = [];
  readonly findStops: string[] = [];
  readonly replaced: string[] = [];
  private nextRequestId = 1;

  /** Like Electron: every web contents of the app shares the default session. */
  get session(): FakeSession {
    return session.defaultSession;
  }
  findInPage(text: string, options: Record<string, unknown> = {}): number {
    if (text === '') throw new Error('Must provide a non-empty search content');
    this.finds.push({ text, options });
    return this.nextRequestId++;
  }
  stopFindInPage(action: string): void {
    this.findStops.push(action);
  }
  replaceMisspelling(word: string): void {
    this.replaced.push(word);
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a Web Contents event the way Electron does, returning the event to inspect. */
  fire(name: string, ...args: unknown[]): FakeEvent {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event;
  }
}

export class BrowserWindow extends EventEmitter {
  static windows: BrowserWindow[] = [];
  static focused: BrowserWindow | null = null;

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows.filter((w) => !w.destroyed);
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused && !BrowserWindow.focused.destroyed ? BrowserWindow.focused : null;
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  title = '';
  shown = false;
  documentEdited = false;
  representedFilename = '';
  loadedUrl = '';
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.backgroundColor = String(options.backgroundColor ?? '');
    BrowserWindow.windows.push(this);
    BrowserWindow.focused = this;
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(): Promise<void> {
    throw new Error('Recap Studio loads app://, never a file.');
  }
  show(): void {
    this.shown = true;
  }
  /** Like Electron: the window takes the focus, and the app hears browser-window-focus. */
  focus(): void {
    BrowserWindow.focused = this;
    app.emit('browser-window-focus', fakeEvent(), this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like Electron: 'close' may be prevented; otherwise the window is gone. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  setTitle(title: string): void {
    this.title = title;
  }
  getTitle(): string {
    return this.title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  setRepresentedFilename(file: string): void {
    this.representedFilename = file;
  }
  backgroundColor = '';
  setBackgroundColor(color: string): void {
    this.backgroundColor = color;
  }
}

/** Like Electron's: `themeSource` decides `shouldUseDarkColors`, the system's choice for 'system'. */
export const nativeTheme = {
  themeSource: 'system' as 'system' | 'light' | 'dark',
  systemDark: false,
  get shouldUseDarkColors(): boolean {
    return this.themeSource === 'dark' || (this.themeSource === 'system' && this.systemDark);
  },
};

class FakeApp extends EventEmitter {
  paths: Record<string, string> = {};
  recentDocuments: string[] = [];
  quitCalls = 0;
  isPackaged = false;
  preferredLanguages = ['de-DE', 'en-US'];
  private ready!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.ready = resolve;
  });
  private isReadyNow = false;

  /** Lets the test decide when the app becomes ready (after it set its temp paths). */
  becomeReady(): void {
    this.isReadyNow = true;
    this.ready();
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.isReadyNow;
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    this.quitCalls += 1;
  }
  getPath(name: string): string {
    const p = this.paths[name];
    if (!p) throw new Error(`fake app: no path for ${name}`);
    return p;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getPreferredSystemLanguages(): string[] {
    return this.preferredLanguages;
  }
  addRecentDocument(file: string): void {
    this.recentDocuments.push(file);
  }
}

export const app = new FakeApp();

type Listener = (event: unknown, ...args: unknown[]) => unknown;

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  listeners: new Map<string, Listener>(),
  handle(channel: string, fn: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  on(channel: string, fn: Listener): void {
    this.listeners.set(channel, fn);
  },
};

/** Native dialogs answer from queues the test fills; every call is recorded. */
export const dialog = {
  calls: [] as { kind: string; options: Record<string, unknown> }[],
  openAnswers: [] as { canceled: boolean; filePaths: string[] }[],
  saveAnswers: [] as { canceled: boolean; filePath?: string }[],
  messageAnswers: [] as number[],
  async showOpenDialog(_win: unknown, options: Record<string, unknown>) {
    this.calls.push({ kind: 'open', options });
    return this.openAnswers.shift() ?? { canceled: true, filePaths: [] };
  },
  async showSaveDialog(_win: unknown, options: Record<string, unknown>) {
    this.calls.push({ kind: 'save', options });
    return this.saveAnswers.shift() ?? { canceled: true };
  },
  async showMessageBox(winOrOptions: unknown, maybeOptions?: Record<string, unknown>) {
    const options = (maybeOptions ?? winOrOptions) as Record<string, unknown>;
    this.calls.push({ kind: 'message', options });
    return { response: this.messageAnswers.shift() ?? (options['cancelId'] as number), checkboxChecked: false };
  },
  showMessageBoxSync(_win: unknown, options: Record<string, unknown>): number {
    this.calls.push({ kind: 'message-sync', options });
    return this.messageAnswers.shift() ?? (options['cancelId'] as number);
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export interface FakeMenu {
  template: unknown[];
  popup(options?: Record<string, unknown>): void;
}

export const Menu = {
  applied: null as { template: unknown[] } | null,
  /** Context menus shown, newest last, with popup's options. */
  popups: [] as { template: unknown[]; options: Record<string, unknown> }[],
  buildFromTemplate(template: unknown[]): FakeMenu {
    return {
      template,
      popup: (options = {}) => {
        Menu.popups.push({ template, options });
      },
    };
  },
  setApplicationMenu(menu: { template: unknown[] }) {
    this.applied = menu;
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
    // Like Electron: only before the app is ready, and only the last list counts.
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged = schemes;
  },
  handle(scheme: string, handler: ProtocolHandler) {
    this.handlers.set(scheme, handler);
  },
};

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

class FakeSession {
  requestHandler: PermissionRequestHandler | null = null;
  checkHandler: PermissionCheckHandler | null = null;
  deviceHandler: ((details: unknown) => boolean) | null = null;
  spellcheckLanguages: string[] | null = null;
  dictionaryUrl: string | null = null;
  spellcheckEnabled: boolean | null = null;
  availableSpellCheckerLanguages = ['de', 'de-DE', 'en-GB', 'en-US', 'fr-FR'];
  dictionaryWords: string[] = [];
  addWordToSpellCheckerDictionary(word: string): boolean {
    this.dictionaryWords.push(word);
    return true;
  }
  setPermissionRequestHandler(h: PermissionRequestHandler | null) {
    this.requestHandler = h;
  }
  setPermissionCheckHandler(h: PermissionCheckHandler | null) {
    this.checkHandler = h;
  }
  setDevicePermissionHandler(h: ((details: unknown) => boolean) | null) {
    this.deviceHandler = h;
  }
  setSpellCheckerLanguages(languages: string[]) {
    for (const l of languages) if (!this.availableSpellCheckerLanguages.includes(l)) throw new Error(`Invalid language code provided: "${l}" is not a valid language code`);
    this.spellcheckLanguages = languages;
  }
  setSpellCheckerDictionaryDownloadURL(url: string) {
    this.dictionaryUrl = url;
  }
  setSpellCheckerEnabled(enabled: boolean) {
    this.spellcheckEnabled = enabled;
  }
}

export const session = { defaultSession: new FakeSession() };

// ---- the preload's side ----------------------------------------------------------------------

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as unknown[][],
  sentToMain: [] as unknown[][],
  invoke(...args: unknown[]): Promise<unknown> {
    this.invoked.push(args);
    return Promise.resolve({ ok: true, value: null });
  },
  send(...args: unknown[]): void {
    this.sentToMain.push(args);
  },
});

/** A File the OS gave the page carries its path; one the page made up has none (''). */
export const webUtils = {
  getPathForFile(file: { osPath?: string }): string {
    return file.osPath ?? '';
  },
};

export default { app, nativeTheme, BrowserWindow, ipcMain, dialog, shell, Menu, protocol, session, contextBridge, ipcRenderer, webUtils };
