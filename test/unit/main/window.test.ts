// The window, its switches and guards, the session, the menu and the quit, as electron/main/index.ts
// sets them up (electron mocked, everything else real).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
const { startDoor } = await import('./door');
const { confirmOpenExternal } = await import('../../../electron/main/links');
const { menuTemplate } = await import('../../../electron/main/menu');
const { spellcheckLanguages } = await import('../../../electron/main/session');
const { CLOSE_TIMEOUT_MS, createWindow } = await import('../../../electron/main/windows');

const door = await startDoor();

afterAll(async () => {
  await fs.rm(door.dir, { recursive: true, force: true });
});

describe('the window', () => {
  it('registered app:// and recap-asset:// as standard, secure schemes before the app was ready', () => {
    const schemes = Object.fromEntries(fake.protocol.privileged.map((s) => [s.scheme, s.privileges]));
    expect(schemes['app']).toMatchObject({ standard: true, secure: true });
    expect(schemes['recap-asset']).toMatchObject({ standard: true, secure: true });
    expect([...fake.protocol.handlers.keys()].sort()).toEqual(['app', 'recap-asset']);
  });

  it('is isolated, sandboxed, without Node, with web security and the preload', () => {
    const prefs = door.win.options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    });
    expect(path.basename(String(prefs['preload']))).toBe('preload.js');
  });

  it('loads our page from app://recap/, never file://, with a file to open in its query', () => {
    expect(door.win.loadedUrl).toBe('app://recap/index.html');
    const win = createWindow(path.join(door.dir, 'kcd china.md')) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(new URL(win.loadedUrl).searchParams.get('file')).toBe(path.join(door.dir, 'kcd china.md'));
    expect(win.loadedUrl.startsWith('app://recap/index.html?')).toBe(true);
  });

  it('never navigates away from our page and never attaches a webview', () => {
    const contents = door.win.webContents;
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:5179/', 'javascript:alert(1)', 'app://evil/index.html']) {
      expect(contents.fire('will-navigate', url).defaultPrevented, url).toBe(true);
      expect(contents.fire('will-redirect', url).defaultPrevented, url).toBe(true);
    }
    expect(contents.fire('will-navigate', 'app://recap/index.html').defaultPrevented).toBe(false);
    expect(contents.fire('will-attach-webview', {}, {}).defaultPrevented).toBe(true);
    expect(fake.shell.opened).toEqual([]);
  });

  it('denies every window.open, and opens a clicked web link only after the author confirmed its URL', async () => {
    const handler = door.win.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    const open = (url: string) => handler!({ url, disposition: 'foreground-tab', frameName: '', features: '' });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'app://recap/index.html', 'recap-asset://local/?path=%2Fetc%2Fpasswd']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(fake.dialog.calls.filter((c) => c.kind === 'message')).toEqual([]);

    fake.dialog.messageAnswers.push(0);
    expect(open('https://kcd.io/china?x=1')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.shell.opened).toEqual(['https://kcd.io/china?x=1']), { timeout: 10_000 });
    const asked = fake.dialog.calls.filter((c) => c.kind === 'message');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.options['detail']).toBe('https://kcd.io/china?x=1');
  });

  it('does not open a link the author declined, nor anything but http(s) and mailto', async () => {
    fake.dialog.messageAnswers.push(1);
    expect(await confirmOpenExternal(door.win.webContents as never, 'https://example.com/', door.win as never)).toBe(false);
    expect(await confirmOpenExternal(door.win.webContents as never, 'smb://host/share', door.win as never)).toBe(false);
    fake.dialog.messageAnswers.push(0);
    expect(await confirmOpenExternal(door.win.webContents as never, 'mailto:team@example.org', door.win as never)).toBe(true);
    expect(fake.shell.opened).toEqual(['https://kcd.io/china?x=1', 'mailto:team@example.org']);
  });
});

describe('the session', () => {
  const ses = fake.session.defaultSession;

  it('denies every permission request and check, and every device', () => {
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen']) {
      ses.requestHandler!(door.win.webContents, permission, (granted) => answers.push(granted), {});
      expect(ses.checkHandler!(door.win.webContents, permission, 'app://recap', {}), permission).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
    expect(ses.deviceHandler!({ deviceType: 'usb', origin: 'app://recap' })).toBe(false);
  });

  it('spellchecks the system languages it knows, with dictionaries from the app folder, never a remote host', () => {
    expect(ses.spellcheckEnabled).toBe(true);
    expect(ses.spellcheckLanguages).toEqual(['de-DE', 'en-US']);
    if (process.platform !== 'darwin') {
      expect(ses.dictionaryUrl).toBe(`file://${path.join(door.userData, 'Dictionaries')}/`);
    }
    expect(spellcheckLanguages(['pt-BR', 'de-AT'], ['de', 'en-US'])).toEqual(['de']);
    expect(spellcheckLanguages(['xx-YY'], ['de', 'en-US'])).toEqual(['en-US']);
    expect(spellcheckLanguages(['en-US', 'de-DE', 'fr-FR', 'en-GB'], ['de-DE', 'en-US', 'fr-FR', 'en-GB'])).toHaveLength(3);
  });
});

describe('the close guard', () => {
  const setState = (win: InstanceType<typeof fake.BrowserWindow>, doc: { title: string; path: string | null; dirty: boolean }) => door.invoke('setDocumentState', doc, { win });

  it('lets the page write its draft, then closes when the page answers', async () => {
    const win = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent.map((s) => s.args[0])).toEqual(['flush-and-close']);
    expect(fake.dialog.calls.filter((c) => c.kind === 'message-sync')).toEqual([]);
    expect((await door.invoke('closeWindow', undefined, { win })).ok).toBe(true);
    expect(win.isDestroyed()).toBe(true);
  });

  it('asks about unsaved changes naming the file, and Cancel keeps the window', async () => {
    const win = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect((await setState(win, { title: 'kcd.md — Recap Studio', path: '/sites/kcd.md', dirty: true })).ok).toBe(true);
    expect(win.documentEdited).toBe(true);
    expect(win.title).toBe('kcd.md — Recap Studio');
    fake.dialog.messageAnswers.push(2);
    win.close();
    const asked = fake.dialog.calls.filter((c) => c.kind === 'message-sync').at(-1)!;
    expect(asked.options['message']).toBe('Do you want to save the changes you made to kcd.md?');
    expect(win.isDestroyed()).toBe(false);
    expect(win.webContents.sent).toEqual([]);

    fake.dialog.messageAnswers.push(0);
    win.close();
    expect(win.webContents.sent.map((s) => s.args[0])).toEqual(['save-and-close']);
  });

  it('closes a window whose page does not answer', async () => {
    vi.useFakeTimers();
    try {
      const win = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
      win.close();
      expect(win.isDestroyed()).toBe(false);
      vi.advanceTimersByTime(CLOSE_TIMEOUT_MS - 1);
      expect(win.isDestroyed()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(win.isDestroyed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the menu', () => {
  const items = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
    (template.find((m) => m.label === label)?.submenu as MenuItemConstructorOptions[] | undefined) ?? [];

  it('shows the shortcuts and sends its commands to the focused window', () => {
    const template = fake.Menu.applied!.template as MenuItemConstructorOptions[];
    const file = items(template, '&File');
    const accelerators = Object.fromEntries(file.filter((i) => i.label).map((i) => [i.label, i.accelerator ?? null]));
    expect(accelerators).toEqual({
      'New Recap': 'CmdOrCtrl+N',
      'Open…': 'CmdOrCtrl+O',
      Save: 'CmdOrCtrl+S',
      'Save As…': 'CmdOrCtrl+Shift+S',
      'Insert Photos…': null,
      'Export…': 'CmdOrCtrl+E',
      'Add Translation…': null,
      'History…': 'CmdOrCtrl+Shift+Y',
      'All Recaps (Home)': 'CmdOrCtrl+Shift+H',
    });
    // The page handles the keys itself; the menu must not take them as well.
    expect(file.filter((i) => i.label).every((i) => i.registerAccelerator === false)).toBe(true);
    const win = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    const click = (label: string) => (file.find((i) => i.label === label)!.click as () => void)();
    click('Save As…');
    click('Export…');
    expect(win.webContents.sent).toEqual([
      { channel: 'recap:command', args: ['save-as'] },
      { channel: 'recap:command', args: ['export'] },
    ]);
  });

  it('has the macOS app menu only on macOS and the developer tools only unpackaged', () => {
    const mac = menuTemplate('darwin', true);
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(items(mac, '&View').some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(items(mac, '&File').at(-1)).toEqual({ role: 'close' });
    const linux = menuTemplate('linux', false);
    expect(linux.some((m) => m.role === 'appMenu')).toBe(false);
    expect(items(linux, '&View').some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(items(linux, '&File').at(-1)).toEqual({ role: 'quit' });
  });
});

describe('quitting', () => {
  it('marks the session clean on will-quit, then quits', async () => {
    // The page asks for crash recovery at start: that opens the drafts store.
    expect((await door.invoke('recoverSession')).ok).toBe(true);
    expect((await door.invoke('setOpenDrafts', { ids: [] })).ok).toBe(true);
    const before = JSON.parse(await fs.readFile(path.join(door.userData, 'session.json'), 'utf8')) as { clean: boolean };
    expect(before.clean).toBe(false);
    const event = fake.fakeEvent();
    const quits = fake.app.quitCalls;
    fake.app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(fake.app.quitCalls).toBe(quits + 1), { timeout: 10_000 });
    const after = JSON.parse(await fs.readFile(path.join(door.userData, 'session.json'), 'utf8')) as { clean: boolean };
    expect(after.clean).toBe(true);
    // The second will-quit (from that quit) goes through.
    const again = fake.fakeEvent();
    fake.app.emit('will-quit', again);
    expect(again.defaultPrevented).toBe(false);
  });
});

beforeAll(() => {
  expect(fake.app.isReady()).toBe(true);
});

describe('the theme', () => {
  it('opens a window on the background of the theme in use, and follows the page\'s choice', async () => {
    fake.nativeTheme.systemDark = true;
    const win = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    expect(win.backgroundColor).toBe('#15181d');
    expect((await door.invoke('setTheme', { theme: 'light' }, { win })).ok).toBe(true);
    expect(fake.nativeTheme.themeSource).toBe('light');
    expect(win.backgroundColor).toBe('#f5f6f8');
    expect((await door.invoke('setTheme', { theme: 'system' }, { win })).ok).toBe(true);
    expect(win.backgroundColor).toBe('#15181d');
    const refused = await door.invoke('setTheme', { theme: 'sepia' }, { win });
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(fake.nativeTheme.themeSource).toBe('system');
    fake.nativeTheme.systemDark = false;
  });
});
