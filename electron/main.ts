/**
 * The Electron main process: a chain of small named modules, each one security concern.
 * All product logic lives in host/ (shared with browser mode); this file only wires it.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell, webContents } from 'electron';
import { join } from 'node:path';
import { createHostServices, type HostServices } from '../host/api/createHostServices.js';
import { createSafeStorageProtector } from '../host/vault/safeStorageProtector.js';
import { handleAppProtocol, registerAppScheme } from './appProtocol.js';
import { buildMenuTemplate } from './applicationMenu.js';
import { installContentSecurityPolicy } from './contentSecurity.js';
import { createMainWindow } from './createMainWindow.js';
import { forwardHostEvents, registerIpcHandlers } from './ipcRegistry.js';
import { installNavigationGuard, isAllowedExternalUrl } from './navigationGuard.js';
import { installPermissionGuard } from './permissionGuard.js';

// dist/electron/main.cjs → dist/renderer, dist/electron/preload.cjs
const distDir = join(__dirname, '..');
const isDevelopment = !app.isPackaged;

registerAppScheme(protocol);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let services: HostServices | undefined;
  let mainWindow: BrowserWindow | undefined;

  const openExternal = (url: string) => {
    // Re-checked here: the only path to the OS browser.
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };

  app.on('web-contents-created', (_event, contents) => installNavigationGuard(contents, openExternal));

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  const pickFolder = async (title: string | undefined) => {
    const options = { title: title ?? 'Choose a workspace folder', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    return result.canceled || !path ? ({ status: 'cancelled' } as const) : ({ status: 'picked', path } as const);
  };

  app.whenReady().then(async () => {
    installPermissionGuard(session.defaultSession);
    installContentSecurityPolicy(session.defaultSession);
    handleAppProtocol(protocol, join(distDir, 'renderer'));

    services = await createHostServices({
      userDataDir: app.getPath('userData'),
      mode: 'electron',
      appVersion: app.getVersion(),
      keyProtector: ({ allowInsecure }) => createSafeStorageProtector(safeStorage, { platform: process.platform, allowInsecure }),
      pickFolder,
      openMostRecent: true,
      // OAuth sign-ins happen in the system browser (RFC 8252 §8.12: not in an embedded view). The provider's
      // host cannot be on the links allowlist; the auth kind's sign-in (core/auth/kinds/oauth2AuthorizationCode/signIn.ts) lets only https:// (or loopback http) through.
      openExternal: (url) => shell.openExternal(url),
    });
    const host = services;
    registerIpcHandlers(ipcMain, host);
    forwardHostEvents(host, () => webContents.getAllWebContents());

    const openWorkspace = async () => {
      const picked = await pickFolder(undefined);
      if (picked.status === 'picked') await host.api.workspace.open({ path: picked.path }).catch((error: unknown) => dialog.showErrorBox('Could not open the workspace', String((error as Error).message ?? error)));
    };
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ isDevelopment, platform: process.platform, send: (command) => host.emit('app.command', { command }), openWorkspace: () => void openWorkspace() }),
      ),
    );

    mainWindow = createMainWindow({ preloadPath: join(distDir, 'electron', 'preload.cjs') });
    mainWindow.on('closed', () => (mainWindow = undefined));
  }).catch((error: unknown) => {
    dialog.showErrorBox('Connector Studio could not start', error instanceof Error ? error.message : String(error));
    app.quit();
  });

  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow({ preloadPath: join(distDir, 'electron', 'preload.cjs') });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    void services?.close();
  });
}
