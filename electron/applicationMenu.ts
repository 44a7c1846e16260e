/**
 * The menu desktop users expect: New, Open workspace…, Save, Undo/Redo, Run
 * (Ctrl/Cmd+Enter); Reload and DevTools only in development. Menu items that the
 * renderer handles are sent to it as `app.command` events.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { APP_COMMANDS } from '../contract/hostApi.js';

export type AppCommand = (typeof APP_COMMANDS)[number];

export interface MenuOptions {
  isDevelopment: boolean;
  platform: NodeJS.Platform;
  send: (command: AppCommand) => void;
  openWorkspace: () => void;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command = (label: string, accelerator: string, name: AppCommand): MenuItemConstructorOptions => ({ label, accelerator, click: () => options.send(name) });
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      command('New Connector', 'CmdOrCtrl+N', 'new'),
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => options.openWorkspace() },
      { type: 'separator' },
      command('Save', 'CmdOrCtrl+S', 'save'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      // The canvas keeps its own history, so Undo/Redo go to the renderer (text fields get the same keys natively).
      command('Undo', 'CmdOrCtrl+Z', 'undo'),
      command('Redo', isMac ? 'Shift+Cmd+Z' : 'Ctrl+Y', 'redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  template.push({ label: 'Run', submenu: [command('Run Test', 'CmdOrCtrl+Enter', 'run')] });
  const view: MenuItemConstructorOptions[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  if (options.isDevelopment) view.unshift({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  template.push({ label: 'View', submenu: view });
  template.push({ role: 'windowMenu' });
  return template;
}
