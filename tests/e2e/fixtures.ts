/**
 * Shared e2e fixtures: every test gets its own temp workspace and user-data folder and its
 * own browser-mode server (the real built entry point), stopped and deleted afterwards.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startBrowserMode, type BrowserModeApp } from './browserMode.js';
import { AppShell } from './pages/appShell.js';
import { CredentialsPage } from './pages/credentialsPage.js';
import { DashboardPage } from './pages/dashboardPage.js';
import { EditorBasicsPage } from './pages/editorBasicsPage.js';
import { WorkspaceChooserPage } from './pages/workspaceChooserPage.js';

export interface E2EFixtures {
  workspaceDir: string;
  userDataDir: string;
  app: BrowserModeApp;
  shell: AppShell;
  chooser: WorkspaceChooserPage;
  dashboard: DashboardPage;
  editor: EditorBasicsPage;
  credentials: CredentialsPage;
}

export const test = base.extend<E2EFixtures>({
  workspaceDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-e2e-workspace-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  userDataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-e2e-userdata-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  app: async ({ userDataDir }, use) => {
    const app = await startBrowserMode({ userDataDir });
    await use(app);
    await app.stop();
  },
  shell: async ({ page }, use) => use(new AppShell(page)),
  chooser: async ({ page }, use) => use(new WorkspaceChooserPage(page)),
  dashboard: async ({ page }, use) => use(new DashboardPage(page)),
  editor: async ({ page }, use) => use(new EditorBasicsPage(page)),
  credentials: async ({ page }, use) => use(new CredentialsPage(page)),
});

export { expect };

/** Every regular file under `dir` (recursively) with its content, for "the secret is nowhere" checks. */
export async function readAllFiles(dir: string): Promise<Array<{ path: string; content: Buffer }>> {
  const names = await readdir(dir, { recursive: true });
  const files: Array<{ path: string; content: Buffer }> = [];
  for (const name of names) {
    const full = join(dir, name);
    try {
      files.push({ path: relative(dir, full), content: await readFile(full) });
    } catch {
      // a directory
    }
  }
  return files;
}
