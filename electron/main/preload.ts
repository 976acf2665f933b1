// The only bridge between the sandboxed page and the main process. It exposes the contract's
// single `invoke` plus menu commands and dropped-file paths, never ipcRenderer itself.
// Sandboxed preloads can require only 'electron', so this file imports types and nothing else.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AppCommand, RecapBridge } from '../core/contract';

const bridge: RecapBridge = {
  invoke: (method, req) => ipcRenderer.invoke('recap:invoke', method, req),
  onCommand: (listener) => {
    const handler = (_event: unknown, command: AppCommand): void => listener(command);
    ipcRenderer.on('recap:command', handler);
    return () => {
      ipcRenderer.removeListener('recap:command', handler);
    };
  },
  pathForFile: (file) => {
    const p = webUtils.getPathForFile(file);
    // Sent before the page can ask to import it: IPC messages of one frame arrive in order.
    if (p) ipcRenderer.send('recap:dropped-file', p);
    return p;
  },
};

contextBridge.exposeInMainWorld('recap', bridge);
