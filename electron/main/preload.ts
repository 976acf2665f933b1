// The only bridge between the sandboxed page and the main process. It exposes the contract's
// single `invoke` (find in the window goes through it too, validated in main like every call),
// menu commands and View menu choices, find results and dropped-file paths, never ipcRenderer
// itself. Sandboxed preloads can require only 'electron', so this file imports types and nothing else.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AppCommand, FoundInPage, RecapBridge, ViewChoice } from '../core/contract';

/** Delivers a channel's messages to `listener` (without the IPC event) until unsubscribed. */
function listen<T>(channel: string, listener: (value: T) => void): () => void {
  const handler = (_event: unknown, value: T): void => listener(value);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge: RecapBridge = {
  invoke: (method, req) => ipcRenderer.invoke('recap:invoke', method, req),
  onCommand: (listener) => listen<AppCommand>('recap:command', listener),
  pathForFile: (file) => {
    const p = webUtils.getPathForFile(file);
    // Sent before the page can ask to import it: IPC messages of one frame arrive in order.
    if (p) ipcRenderer.send('recap:dropped-file', p);
    return p;
  },
  findInPage: (text, options) => ipcRenderer.invoke('recap:invoke', 'findInPage', { ...options, text }),
  stopFindInPage: () => ipcRenderer.invoke('recap:invoke', 'stopFindInPage', undefined),
  onFoundInPage: (listener) => listen<FoundInPage>('recap:found-in-page', listener),
  onViewChoice: (listener) => listen<ViewChoice>('recap:view', listener),
};

contextBridge.exposeInMainWorld('recap', bridge);
