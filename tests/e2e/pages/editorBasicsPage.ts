/**
 * The editor's document-level controls (name, save, save status, external-change banner).
 * The canvas and inspector have their own page object (editorPage.ts).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorBasicsPage {
  readonly root: Locator;
  readonly nameInput: Locator;
  readonly saveButton: Locator;
  readonly saveStatus: Locator;
  readonly externalChangeBanner: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('editor');
    this.nameInput = page.getByTestId('connector-name-input');
    this.saveButton = page.getByTestId('save-button');
    this.saveStatus = page.getByTestId('save-status');
    this.externalChangeBanner = page.getByTestId('external-change-banner');
  }

  async connectorId(): Promise<string> {
    const id = await this.root.getAttribute('data-connector-id');
    if (!id) throw new Error('the editor has no data-connector-id attribute');
    return id;
  }

  async rename(name: string): Promise<void> {
    await this.nameInput.fill(name);
    await expect(this.saveStatus).toContainText('Unsaved');
  }

  async save(): Promise<void> {
    await this.saveButton.click();
    await expect(this.saveStatus).toContainText('Saved');
  }
}
