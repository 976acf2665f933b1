// What the window adds around the page, as electron/main/index.ts sets it up (electron mocked,
// everything else real): the context menu, the recap's spelling languages, find in the window,
// and the View menu's Theme and Language, each call validated and answered only to our page;
// the menus in the page's language, Electron's Edit and Window menus included.
import { promises as fs } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
const { startDoor } = await import('./door');
const { contextMenuTemplate } = await import('../../../electron/main/context-menu');
const { dictionariesFor } = await import('../../../electron/main/session');
const { createWindow } = await import('../../../electron/main/windows');
const { menuTemplate } = await import('../../../electron/main/menu');

const door = await startDoor();
const ses = fake.session.defaultSession;
const SUBFRAME = { url: 'app://recap/index.html' };

afterAll(async () => {
  await fs.rm(door.dir, { recursive: true, force: true });
});

type Item = MenuItemConstructorOptions;
const appMenu = (): Item[] => fake.Menu.applied!.template as Item[];
const submenu = (items: Item[], label: string): Item[] => (items.find((m) => m.label === label)?.submenu as Item[] | undefined) ?? [];
const click = (item: Item | undefined): void => (item!.click as () => void)();
const params = (over: Partial<Parameters<typeof contextMenuTemplate>[0]> = {}): Parameters<typeof contextMenuTemplate>[0] => ({
  misspelledWord: '',
  dictionarySuggestions: [],
  isEditable: true,
  selectionText: '',
  editFlags: { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canDelete: true, canSelectAll: true, canEditRichly: false },
  ...over,
});
const shape = (items: Item[]) => items.map((i) => (i.type === 'separator' ? '—' : `${i.role ?? 'item'}:${i.label}${i.enabled === false ? ' (off)' : ''}`));

describe('the context menu', () => {
  const noActions = { replaceMisspelling: () => undefined, addToDictionary: () => undefined };

  it('offers at most five suggestions, Add to Dictionary, then the edit commands', () => {
    const replaced: string[] = [];
    const added: string[] = [];
    const items = contextMenuTemplate(
      params({ misspelledWord: 'Kuberntes', dictionarySuggestions: ['Kubernetes', 'Kubernets', 'Kuber', 'Kubrick', 'Kubes', 'Cubes', 'Tubes'] }),
      'en',
      { replaceMisspelling: (w) => replaced.push(w), addToDictionary: (w) => added.push(w) },
    );
    expect(shape(items)).toEqual([
      'item:Kubernetes', 'item:Kubernets', 'item:Kuber', 'item:Kubrick', 'item:Kubes', '—',
      'item:Add “Kuberntes” to Dictionary', '—',
      'cut:Cut', 'copy:Copy', 'paste:Paste', '—', 'selectAll:Select All',
    ]);
    click(items[0]);
    click(items[6]);
    expect(replaced).toEqual(['Kubernetes']);
    expect(added).toEqual(['Kuberntes']);
  });

  it('says so when there is no suggestion, and speaks the interface language', () => {
    const items = contextMenuTemplate(params({ misspelledWord: 'Shenzen', editFlags: { ...params().editFlags, canCut: false, canCopy: false } }), 'zh-CN', noActions);
    expect(shape(items)).toEqual(['item:没有拼写建议 (off)', '—', 'item:将“Shenzen”添加到词典', '—', 'cut:剪切 (off)', 'copy:复制 (off)', 'paste:粘贴', '—', 'selectAll:全选']);
  });

  it('offers Copy alone on selected text outside the fields, and nothing on a link or an empty spot', () => {
    expect(shape(contextMenuTemplate(params({ isEditable: false, selectionText: 'Beijing' }), 'en', noActions))).toEqual(['copy:Copy']);
    expect(contextMenuTemplate(params({ isEditable: false, selectionText: '  ' }), 'en', noActions)).toEqual([]);
    // A misspelled word is only ever reported in a field; without one there are no spelling entries.
    expect(contextMenuTemplate(params({ isEditable: false, misspelledWord: 'teh', dictionarySuggestions: ['the'] }), 'en', noActions)).toEqual([]);
  });

  it('pops up over the window on a right-click, replaces the word in the page and adds to the session dictionary', () => {
    const contents = door.win.webContents;
    contents.fire('context-menu', params({ misspelledWord: 'Kuberntes', dictionarySuggestions: ['Kubernetes'] }));
    const shown = fake.Menu.popups.at(-1)!;
    expect(shown.options['window']).toBe(door.win);
    const items = shown.template as Item[];
    click(items.find((i) => i.label === 'Kubernetes'));
    click(items.find((i) => i.label === 'Add “Kuberntes” to Dictionary'));
    expect(contents.replaced).toEqual(['Kubernetes']);
    expect(ses.dictionaryWords).toEqual(['Kuberntes']);
    const before = fake.Menu.popups.length;
    contents.fire('context-menu', params({ isEditable: false }));
    expect(fake.Menu.popups.length).toBe(before);
  });
});

describe('the spelling languages', () => {
  it('finds a dictionary for a language, else one of the same language', () => {
    const available = ['de', 'de-DE', 'en-GB', 'en-US', 'fr-FR', 'zh-TW'];
    expect(dictionariesFor(['en-US'], available)).toEqual(['en-US']);
    expect(dictionariesFor(['FR'], available)).toEqual(['fr-FR']);
    expect(dictionariesFor(['zh-CN'], available)).toEqual(['zh-TW']);
    expect(dictionariesFor(['ja', 'de-AT', 'de'], available)).toEqual(['de']);
    expect(dictionariesFor(['pt-BR'], available)).toEqual([]);
  });

  it('uses the recap\'s language, else the system\'s, and answers what is in use', async () => {
    const fr = await door.invoke('setSpellcheckLanguages', { languages: ['fr'] });
    expect(fr).toEqual({ ok: true, value: { languages: ['fr-FR'], available: ses.availableSpellCheckerLanguages } });
    expect(ses.spellcheckLanguages).toEqual(['fr-FR']);
    // No Chinese dictionary here: the system's languages (de-DE, en-US), never an error.
    expect((await door.invoke('setSpellcheckLanguages', { languages: ['zh-CN'] })).value).toMatchObject({ languages: ['de-DE', 'en-US'] });
    expect(ses.spellcheckLanguages).toEqual(['de-DE', 'en-US']);
    expect((await door.invoke('setSpellcheckLanguages', { languages: [] })).value).toMatchObject({ languages: ['de-DE', 'en-US'] });
  });

  it('gives each window its recap\'s dictionaries back when it comes to the front', async () => {
    const other = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    await door.invoke('setSpellcheckLanguages', { languages: ['en-GB'] });
    await door.invoke('setSpellcheckLanguages', { languages: ['de-DE'] }, { win: other });
    expect(ses.spellcheckLanguages).toEqual(['de-DE']);
    door.win.webContents.fire('focus');
    expect(ses.spellcheckLanguages).toEqual(['en-GB']);
    other.webContents.fire('focus');
    expect(ses.spellcheckLanguages).toEqual(['de-DE']);
  });

  it('refuses bad payloads and other senders', async () => {
    ses.setSpellCheckerLanguages(['en-US']);
    for (const bad of [undefined, { languages: 'en' }, { languages: ['en', 'de', 'fr', 'es'] }, { languages: ['en US'] }, { languages: [42] }, { languages: ['english-language'] }]) {
      expect(await door.invoke('setSpellcheckLanguages', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect((await door.invoke('setSpellcheckLanguages', { languages: ['fr'] }, { frame: SUBFRAME })).ok).toBe(false);
    expect(ses.spellcheckLanguages).toEqual(['en-US']);
  });
});

describe('find in the window', () => {
  it('finds with the page\'s options and sends the results back to the page', async () => {
    const contents = door.win.webContents;
    const first = await door.invoke('findInPage', { text: 'Beijing', findNext: true, matchCase: true });
    expect(first.ok).toBe(true);
    expect(contents.finds.at(-1)).toEqual({ text: 'Beijing', options: { findNext: true, matchCase: true } });
    const next = await door.invoke('findInPage', { text: 'Beijing', findNext: false, forward: false });
    expect((next.value as { requestId: number }).requestId).toBe((first.value as { requestId: number }).requestId + 1);
    expect(contents.finds.at(-1)?.options).toEqual({ findNext: false, forward: false });

    contents.fire('found-in-page', { requestId: 7, activeMatchOrdinal: 2, matches: 5, selectionArea: { x: 1, y: 2, width: 3, height: 4 }, finalUpdate: true });
    expect(contents.sent.at(-1)).toEqual({ channel: 'recap:found-in-page', args: [{ requestId: 7, activeMatchOrdinal: 2, matches: 5, finalUpdate: true }] });

    expect(await door.invoke('stopFindInPage')).toEqual({ ok: true, value: null });
    expect(contents.findStops).toEqual(['clearSelection']);
  });

  it('refuses bad payloads and other senders without searching', async () => {
    const contents = door.win.webContents;
    const before = contents.finds.length;
    for (const bad of [undefined, { text: '' }, { text: 42 }, { text: 'x'.repeat(1001) }, { text: 'a\0b' }, { text: 'a', forward: 'yes' }, { text: 'a', matchCase: 1 }]) {
      expect(await door.invoke('findInPage', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect((await door.invoke('findInPage', { text: 'a' }, { frame: SUBFRAME })).ok).toBe(false);
    expect((await door.invoke('stopFindInPage', undefined, { frame: null })).ok).toBe(false);
    expect(contents.finds.length).toBe(before);
  });
});

describe('the View menu and the interface language', () => {
  const view = () => submenu(appMenu(), appMenu().find((m) => m.submenu && (m.label === '&View' || m.label === '视图(&V)'))!.label!);
  const checked = (items: Item[]) => items.filter((i) => i.checked).map((i) => i.label);

  it('rebuilds the menus in the page\'s language, with its Theme and Language as the checked radios', async () => {
    expect(appMenu().map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(checked(submenu(view(), 'Theme'))).toEqual(['System']);
    expect(checked(submenu(view(), 'Language'))).toEqual(['System']);

    expect(await door.invoke('setLocale', { locale: 'zh-CN', choice: 'zh-CN' })).toEqual({ ok: true, value: null });
    expect(appMenu().map((m) => m.label ?? m.role)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '窗口(&W)', '帮助(&H)']);
    // Electron's Edit and Window menus: their roles, our labels.
    expect(shape(submenu(appMenu(), '编辑(&E)'))).toEqual(['undo:撤销', 'redo:重做', '—', 'cut:剪切', 'copy:复制', 'paste:粘贴', 'delete:删除', '—', 'selectAll:全选']);
    expect(shape(submenu(appMenu(), '窗口(&W)'))).toEqual(['minimize:最小化', 'zoom:缩放', 'close:关闭窗口']);
    expect(submenu(appMenu(), '文件(&F)').filter((i) => i.label).map((i) => i.label)).toContain('另存为…');
    expect(checked(submenu(view(), '语言'))).toEqual(['简体中文']);
    expect((await door.invoke('setTheme', { theme: 'dark' })).ok).toBe(true);
    expect(checked(submenu(view(), '主题'))).toEqual(['深色']);
    // The context menu speaks it too.
    door.win.webContents.fire('context-menu', params({ isEditable: false, selectionText: '北京' }));
    expect(shape(fake.Menu.popups.at(-1)!.template as Item[])).toEqual(['copy:复制']);

    expect((await door.invoke('setLocale', { locale: 'en', choice: 'system' })).ok).toBe(true);
    expect(checked(submenu(view(), 'Language'))).toEqual(['System']);
  });

  it('labels the macOS Edit and Window menus too, in both languages, leaving no item to Electron\'s English', () => {
    const zh = menuTemplate('darwin', true, { theme: 'system', localeChoice: 'zh-CN', locale: 'zh-CN' });
    expect(zh.map((m) => m.role ?? m.label)).toEqual(['appMenu', '文件(&F)', 'editMenu', '视图(&V)', 'windowMenu', 'help']);
    const edit = submenu(zh, '编辑(&E)');
    expect(shape(edit)).toEqual(['undo:撤销', 'redo:重做', '—', 'cut:剪切', 'copy:复制', 'paste:粘贴', 'pasteAndMatchStyle:粘贴并匹配样式', 'delete:删除', 'selectAll:全选', '—', 'item:语音']);
    expect(shape(submenu(edit, '语音'))).toEqual(['startSpeaking:开始朗读', 'stopSpeaking:停止朗读']);
    expect(shape(submenu(zh, '窗口(&W)'))).toEqual(['minimize:最小化', 'zoom:缩放', '—', 'front:前置全部窗口']);
    const en = menuTemplate('darwin', true);
    expect(shape(submenu(en, '&Window'))).toEqual(['minimize:Minimize', 'zoom:Zoom', '—', 'front:Bring All to Front']);
    const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all((i.submenu as Item[] | undefined) ?? [])]);
    for (const template of [zh, en, menuTemplate('linux', false), menuTemplate('win32', true, { theme: 'dark', localeChoice: 'zh-CN', locale: 'zh-CN' })]) {
      const menus = [...submenu(template, '&Edit'), ...submenu(template, '编辑(&E)'), ...submenu(template, '&Window'), ...submenu(template, '窗口(&W)')];
      expect(menus.length).toBeGreaterThan(0);
      expect(all(menus).filter((i) => i.type !== 'separator' && !i.label)).toEqual([]);
    }
  });

  it('sends a choice made in the menu to every window\'s page', () => {
    const second = createWindow(null) as unknown as InstanceType<typeof fake.BrowserWindow>;
    click(submenu(view(), 'Theme').find((i) => i.label === 'Light'));
    click(submenu(view(), 'Language').find((i) => i.label === '简体中文'));
    for (const win of [door.win, second]) {
      const views = win.webContents.sent.filter((s) => s.channel === 'recap:view').map((s) => s.args[0]);
      expect(views.slice(-2)).toEqual([{ theme: 'light' }, { locale: 'zh-CN' }]);
    }
    expect(checked(submenu(view(), 'Theme'))).toEqual(['Light']);
  });

  it('refuses a language it does not have, and other senders', async () => {
    for (const bad of [undefined, { locale: 'fr', choice: 'fr' }, { locale: 'en' }, { locale: 'en', choice: 'klingon' }, { locale: ['en'], choice: 'system' }]) {
      expect(await door.invoke('setLocale', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect((await door.invoke('setLocale', { locale: 'zh-CN', choice: 'zh-CN' }, { frame: SUBFRAME })).ok).toBe(false);
    expect(appMenu()[0]!.label).toBe('&File');
  });
});
