/** The workspace chooser (browser mode has no folder dialog, so a path field). */
import { expect, type Locator, type Page } from '@playwright/test';

export class WorkspaceChooserPage {
  readonly pathInput: Locator;
  readonly openButton: Locator;
  readonly createButton: Locator;
  readonly error: Locator;
  readonly recent: Locator;

  constructor(readonly page: Page) {
    this.pathInput = page.getByTestId('workspace-path-input');
    this.openButton = page.getByTestId('workspace-open-button');
    this.createButton = page.getByTestId('workspace-create-button');
    this.error = page.getByTestId('workspace-error');
    this.recent = page.getByTestId('recent-workspace');
  }

  async open(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.openButton.click();
    await expect(this.page.getByTestId('dashboard')).toBeVisible();
  }

  async create(path: string): Promise<void> {
    await this.pathInput.fill(path);
    await this.createButton.click();
    await expect(this.page.getByTestId('dashboard')).toBeVisible();
  }
}
