// The only bridge between the sandboxed page and the main process. It exposes the contract's
// single `invoke` plus menu commands and dropped-file paths, never ipcRenderer itself.
// Sandboxed preloads can require only 'electron', so this file imports types and nothing else.

import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AppCommand, RecapBridge } from './service/contract';

const bridge: RecapBridge = {
  invoke: (method, req) => ipcRenderer.invoke('recap:invoke', method, req),
  onCommand: (listener) => {
    const handler = (_event: unknown, command: AppCommand): void => listener(command);
    ipcRenderer.on('recap:command', handler);
    return () => {
      ipcRenderer.removeListener('recap:command', handler);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('recap', bridge);
