/** The sync indicator in the header and the sync panel it opens (renderer/sync). */
import { expect, type Locator, type Page } from '@playwright/test';

export class SyncPanelPage {
  readonly indicator: Locator;
  readonly panel: Locator;
  readonly conflicts: Locator;
  readonly logEntries: Locator;

  constructor(readonly page: Page) {
    this.indicator = page.getByTestId('sync-indicator');
    this.panel = page.getByTestId('sync-panel');
    this.conflicts = page.getByTestId('conflict-item');
    this.logEntries = page.getByTestId('sync-log-entry');
  }

  async open(): Promise<void> {
    if (await this.panel.isVisible()) return;
    await this.indicator.click();
    await expect(this.panel).toBeVisible();
  }

  async close(): Promise<void> {
    await this.page.getByTestId('sync-panel-close').click();
    await expect(this.panel).toBeHidden();
  }

  async configure(url: string, anonKey: string): Promise<void> {
    await this.page.getByTestId('supabase-url').fill(url);
    await this.page.getByTestId('supabase-anon-key').fill(anonKey);
    await this.page.getByTestId('supabase-settings-save').click();
    await expect(this.page.getByTestId('signin-email')).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('signin-email').fill(email);
    await this.page.getByTestId('signin-password').fill(password);
    await expect(this.page.getByTestId('signin-submit')).toBeEnabled();
    await this.page.getByTestId('signin-submit').click();
    await expect(this.page.getByTestId('signed-in-as')).toContainText(email);
  }

  async pickWorkspace(name: string): Promise<void> {
    const select = this.page.getByTestId('workspace-select');
    await expect(select.locator('option', { hasText: name })).toHaveCount(1);
    const value = await select.locator('option', { hasText: name }).getAttribute('value');
    await select.selectOption(value!);
    await this.page.getByTestId('workspace-link').click();
    await expect(this.page.getByTestId('linked-workspace')).toContainText(name);
  }

  /** Opens the panel, points the app at the project, signs in, links the folder to `workspace` and closes the panel. */
  async link(project: { url: string; anonKey: string }, user: { email: string; password: string }, workspace: string): Promise<void> {
    await this.open();
    await this.configure(project.url, project.anonKey);
    await this.signIn(user.email, user.password);
    await this.pickWorkspace(workspace);
    await this.close();
  }

  async syncNow(): Promise<void> {
    await this.page.getByTestId('sync-now').click();
  }
}
