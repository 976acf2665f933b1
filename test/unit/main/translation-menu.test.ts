// The File menu's "Add Translation…" (issue 14), as electron/main/index.ts sets the menu up
// (electron mocked, everything else real): the label in the interface language, no shortcut of
// its own, the add-translation command sent to the focused window alone — the page then
// opens its Languages menu (test/e2e-browser/translations-docusaurus.test.ts) — and enabled only
// while the focused window shows a recap saved to a file.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
const { startDoor } = await import('./door');
const { createWindow } = await import('../../../electron/main/windows');
const { DEFAULT_VIEW, menuTemplate } = await import('../../../electron/main/menu');

const door = await startDoor();

afterAll(async () => {
  await fs.rm(door.dir, { recursive: true, force: true });
});

type Item = MenuItemConstructorOptions;
const fileMenu = (): Item[] => (fake.Menu.applied!.template as Item[])[0]!.submenu as Item[];
const item = (label: string): Item | undefined => fileMenu().find((i) => i.label === label);
const commands = (win: InstanceType<typeof fake.BrowserWindow>) => win.webContents.sent.filter((s) => s.channel === 'recap:command').map((s) => s.args[0]);

type Win = InstanceType<typeof fake.BrowserWindow>;
const showing = (win: Win, path: string | null) => door.invoke('setDocumentState', { title: path ? 'kcd.md — Recap Studio' : 'Recap Studio', path, dirty: false }, { win });

describe('File → Add Translation…', () => {
  it('is disabled on the home screen and for a recap never saved, enabled for a recap saved to a file: the focused window\'s', async () => {
    // The page has said nothing yet, then shows the home screen.
    expect(item('Add Translation…')!.enabled).toBe(false);
    expect((await showing(door.win, null)).ok).toBe(true);
    expect(item('Add Translation…')!.enabled).toBe(false);
    expect((await showing(door.win, '/sites/kcd/content/en/news/kcd.md')).ok).toBe(true);
    expect(item('Add Translation…')!.enabled).toBe(true);
    // The other items do not change.
    expect(fileMenu().filter((i) => i.label && i.label !== 'Add Translation…').every((i) => i.enabled === true)).toBe(true);

    // A second window on its home screen takes the focus; the first one's recap counts no more.
    const second = createWindow(null) as unknown as Win;
    second.focus();
    expect(item('Add Translation…')!.enabled).toBe(false);
    // The recap's window reports while in the background: the focused window still decides.
    expect((await showing(door.win, '/sites/kcd/content/en/news/kcd.md')).ok).toBe(true);
    expect(item('Add Translation…')!.enabled).toBe(false);
    door.win.focus();
    expect(item('Add Translation…')!.enabled).toBe(true);
    // Back to the home screen (or a new recap not saved yet).
    expect((await showing(door.win, null)).ok).toBe(true);
    expect(item('Add Translation…')!.enabled).toBe(false);
    second.close();

    // The template builder is pure: the same answer from its argument.
    const add = (recapFile?: boolean) => ((menuTemplate('linux', false, DEFAULT_VIEW, recapFile)[0]!.submenu as Item[]).find((i) => i.label === 'Add Translation…')!.enabled);
    expect([add(), add(false), add(true)]).toEqual([false, false, true]);
  });

  it('sits after Export…, takes no key of its own, and sends add-translation to the focused window only', () => {
    const labels = fileMenu().map((i) => i.label ?? i.type ?? i.role);
    expect(labels.indexOf('Add Translation…')).toBe(labels.indexOf('Export…') + 1);
    const add = item('Add Translation…')!;
    expect(add.accelerator).toBeUndefined();
    expect(add.registerAccelerator).toBe(false);

    const other = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    const focused = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    (add.click as () => void)();
    expect(commands(focused)).toEqual(['add-translation']);
    expect(commands(other)).toEqual([]);

    // No window has the focus (all closed or another app in front): nothing is sent, nothing throws.
    focused.destroyed = true;
    fake.BrowserWindow.focused = null;
    expect(() => (add.click as () => void)()).not.toThrow();
    expect(commands(other)).toEqual([]);
  });

  it('speaks the page\'s language', async () => {
    expect((await door.invoke('setLocale', { locale: 'zh-CN', choice: 'zh-CN' })).ok).toBe(true);
    expect(item('添加翻译…')).toBeDefined();
    expect((await door.invoke('setLocale', { locale: 'en', choice: 'system' })).ok).toBe(true);
    expect(item('Add Translation…')).toBeDefined();
  });
});
