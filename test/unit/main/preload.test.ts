// The preload hands the page a few functions over its channels, never ipcRenderer itself.
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand, FoundInPage, RecapBridge, ViewChoice } from '../../../electron/core/contract';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
await import('../../../electron/main/preload');

const bridge = fake.contextBridge.exposed.get('recap') as RecapBridge;

describe('preload', () => {
  it('exposes only invoke, find in the window, the main process\'s messages and pathForFile, under window.recap', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['recap']);
    expect(Object.keys(bridge).sort()).toEqual(['findInPage', 'invoke', 'onCommand', 'onFoundInPage', 'onViewChoice', 'pathForFile', 'stopFindInPage']);
  });

  it('find in the window goes through the one validated recap:invoke channel', async () => {
    await bridge.findInPage('Beijing', { findNext: true, matchCase: false });
    expect(fake.ipcRenderer.invoked.at(-1)).toEqual(['recap:invoke', 'findInPage', { findNext: true, matchCase: false, text: 'Beijing' }]);
    // The options cannot smuggle another text in.
    await bridge.findInPage('Shanghai', { text: 'Beijing' } as never);
    expect(fake.ipcRenderer.invoked.at(-1)?.[2]).toEqual({ text: 'Shanghai' });
    await bridge.stopFindInPage();
    expect(fake.ipcRenderer.invoked.at(-1)).toEqual(['recap:invoke', 'stopFindInPage', undefined]);
  });

  it('delivers find results and View menu choices until unsubscribed, without the IPC event', () => {
    const found: unknown[][] = [];
    const views: unknown[][] = [];
    const offFound = bridge.onFoundInPage((...args: unknown[]) => found.push(args));
    const offView = bridge.onViewChoice((...args: unknown[]) => views.push(args));
    const result: FoundInPage = { requestId: 3, activeMatchOrdinal: 1, matches: 4, finalUpdate: true };
    fake.ipcRenderer.emit('recap:found-in-page', { sender: 'secret' }, result);
    fake.ipcRenderer.emit('recap:view', { sender: 'secret' }, { theme: 'dark' } satisfies ViewChoice);
    offFound();
    offView();
    fake.ipcRenderer.emit('recap:found-in-page', {}, result);
    fake.ipcRenderer.emit('recap:view', {}, { locale: 'en' } satisfies ViewChoice);
    expect(found).toEqual([[result]]);
    expect(views).toEqual([[{ theme: 'dark' }]]);
  });

  it('invoke goes through the one recap:invoke channel', async () => {
    await bridge.invoke('appInfo', undefined as never);
    expect(fake.ipcRenderer.invoked.at(-1)).toEqual(['recap:invoke', 'appInfo', undefined]);
  });

  it('onCommand delivers menu commands until unsubscribed, without the IPC event', () => {
    const got: unknown[][] = [];
    const off = bridge.onCommand((...args: unknown[]) => got.push(args));
    fake.ipcRenderer.emit('recap:command', { sender: 'secret' }, 'save' satisfies AppCommand);
    off();
    fake.ipcRenderer.emit('recap:command', {}, 'open');
    expect(got).toEqual([['save']]);
  });

  it('pathForFile reports a real dropped file to the main process, and nothing for a made-up one', () => {
    expect(bridge.pathForFile({ osPath: '/home/a/kcd.md' } as unknown as File)).toBe('/home/a/kcd.md');
    expect(fake.ipcRenderer.sentToMain.at(-1)).toEqual(['recap:dropped-file', '/home/a/kcd.md']);
    const before = fake.ipcRenderer.sentToMain.length;
    expect(bridge.pathForFile(new File(['x'], 'made-up.png'))).toBe('');
    expect(fake.ipcRenderer.sentToMain.length).toBe(before);
  });
});
