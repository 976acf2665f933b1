// The preload hands the page exactly three functions, never ipcRenderer itself.
import { describe, expect, it, vi } from 'vitest';
import type { AppCommand, RecapBridge } from '../../../electron/core/contract';

vi.mock('electron', () => import('./fake-electron'));

const fake = await import('./fake-electron');
await import('../../../electron/main/preload');

const bridge = fake.contextBridge.exposed.get('recap') as RecapBridge;

describe('preload', () => {
  it('exposes only invoke, onCommand and pathForFile, under window.recap', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual(['recap']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onCommand', 'pathForFile']);
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
