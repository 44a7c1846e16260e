/**
 * One person's own Connector Studio for multi-user specs: a browser-mode instance with its own
 * user data and workspace folder, in its own Chromium context, signed in to the project and
 * linked to one of the user's workspaces through the Sync panel.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { TestUser } from '../../supabase-gateway/index.js';
import { startBrowserMode } from '../browserMode.js';
import { MarketplacePage } from '../marketplace/marketplacePage.js';
import { AppShell } from '../pages/appShell.js';
import { DashboardPage } from '../pages/dashboardPage.js';
import { EditorBasicsPage } from '../pages/editorBasicsPage.js';
import { WorkspaceChooserPage } from '../pages/workspaceChooserPage.js';
import { SyncPanelPage } from './syncPanelPage.js';

export interface MemberApp {
  user: TestUser;
  page: Page;
  sync: SyncPanelPage;
  shell: AppShell;
  dashboard: DashboardPage;
  editor: EditorBasicsPage;
  market: MarketplacePage;
  /** The linked workspace folder. */
  dir: string;
  close(): Promise<void>;
}

export async function memberApp(
  browser: Browser,
  project: { url: string; anonKey: string },
  user: TestUser,
  workspace: string,
  options: { offlineSwitchFile?: string } = {},
): Promise<MemberApp> {
  const userData = await mkdtemp(join(tmpdir(), 'cs-e2e-member-'));
  const dir = await mkdtemp(join(tmpdir(), 'cs-e2e-member-ws-'));
  const app = await startBrowserMode({ userDataDir: userData, ...options });
  const context = await browser.newContext();
  const page = await context.newPage();
  const shell = new AppShell(page);
  await shell.open(app.url);
  await new WorkspaceChooserPage(page).open(dir);
  const sync = new SyncPanelPage(page);
  await sync.link(project, user, workspace);
  return {
    user, page, sync, shell, dir,
    dashboard: new DashboardPage(page),
    editor: new EditorBasicsPage(page),
    market: new MarketplacePage(page),
    async close() {
      await context.close();
      await app.stop();
      await rm(userData, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}
