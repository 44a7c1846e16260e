/** The one app window: secure webPreferences from the shared factory, shown when ready. */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './appOrigin.js';
import { secureWebPreferences } from './secureWebPreferences.js';

export function createMainWindow(options: { preloadPath: string; iconPath?: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Connector Studio',
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
