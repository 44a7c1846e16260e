/** The credentials (vault) screen: names and masks only, never values. */
import { expect, type Locator, type Page } from '@playwright/test';

export class CredentialsPage {
  readonly nameInput: Locator;
  readonly valueInput: Locator;
  readonly saveButton: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.nameInput = page.getByTestId('credential-name-input');
    this.valueInput = page.getByTestId('credential-value-input');
    this.saveButton = page.getByTestId('credential-save-button');
    this.rows = page.getByTestId('credential-row');
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="credential-row"][data-credential-name="${name}"]`);
  }

  async set(name: string, value: string): Promise<void> {
    await this.nameInput.fill(name);
    await this.valueInput.fill(value);
    await this.saveButton.click();
    await expect(this.row(name)).toBeVisible();
  }

  async remove(name: string): Promise<void> {
    await this.row(name).getByTestId('credential-delete-button').click();
    await expect(this.row(name)).toHaveCount(0);
  }
}
