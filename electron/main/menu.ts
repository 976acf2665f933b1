// The application menu. The page handles the shortcuts itself (the same code in both doors);
// the menu shows them and sends its commands to the focused window.

import { app, BrowserWindow, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../core/contract';
import { sendCommand } from './windows';

export const PROJECT_URL = 'https://github.com/recap-studio/recap-studio';

export function menuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const item = (label: string, accelerator: string | undefined, command: AppCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    registerAccelerator: false,
    click: () => sendCommand(BrowserWindow.getFocusedWindow(), command),
  });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New Recap', 'CmdOrCtrl+N', 'new'),
        item('Open…', 'CmdOrCtrl+O', 'open'),
        { type: 'separator' },
        item('Save', 'CmdOrCtrl+S', 'save'),
        item('Save As…', 'CmdOrCtrl+Shift+S', 'save-as'),
        { type: 'separator' },
        item('Insert Photos…', undefined, 'insert-photos'),
        item('Export…', 'CmdOrCtrl+E', 'export'),
        item('History…', 'CmdOrCtrl+Shift+Y', 'history'),
        item('All Recaps (Home)', 'CmdOrCtrl+Shift+H', 'home'),
        { type: 'separator' },
        platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      // A fixed address of ours, opened from the main process: not a link from the page.
      submenu: [{ label: 'Recap Studio on the web', click: () => void shell.openExternal(PROJECT_URL) }],
    },
  ];
}

export function buildMenu(): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, app.isPackaged)));
}
