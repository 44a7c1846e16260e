/** The draft-restore dialog (diff of the file against the unsaved version) and the dashboard's list of drafts. */
import { expect, type Locator, type Page } from '@playwright/test';

export class DraftsPage {
  readonly offer: Locator;
  readonly diff: Locator;
  readonly dashboardList: Locator;

  constructor(readonly page: Page) {
    this.offer = page.getByTestId('draft-offer-dialog');
    this.diff = page.getByTestId('draft-offer-diff');
    this.dashboardList = page.getByTestId('unsaved-draft');
  }

  /** Reloads the page as a user would (accepting the "leave with unsaved changes?" prompt). */
  async reload(): Promise<void> {
    const accept = (dialog: import('@playwright/test').Dialog) => void dialog.accept();
    this.page.once('dialog', accept);
    await this.page.reload();
    this.page.off('dialog', accept);
    await expect(this.page.getByTestId('app-ready')).toBeVisible();
  }

  async apply(): Promise<void> {
    await expect(this.diff.locator('.monaco-diff-editor')).toBeVisible();
    await this.page.getByTestId('draft-apply').click();
    await expect(this.offer).toHaveCount(0);
  }

  async discard(): Promise<void> {
    await this.page.getByTestId('draft-discard').click();
    await expect(this.offer).toHaveCount(0);
  }
}
