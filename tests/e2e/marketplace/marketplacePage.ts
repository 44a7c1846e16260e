/** The template marketplace (renderer/marketplace): list, filters, detail, install and publish dialogs. */
import { expect, type Locator, type Page } from '@playwright/test';

export class MarketplacePage {
  readonly cards: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.cards = page.getByTestId('template-card');
    this.detail = page.getByTestId('template-detail');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-marketplace').click();
    await expect(this.page.getByTestId('marketplace')).toBeVisible();
    await expect(this.cards.first()).toBeVisible();
  }

  card(name: string): Locator {
    return this.cards.filter({ has: this.page.getByTestId('template-open').getByText(name, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return this.page.getByTestId('template-open').allTextContents();
  }

  async filter(options: { category?: string; origin?: 'all' | 'official' | 'community'; featured?: boolean; query?: string }): Promise<void> {
    if (options.category !== undefined) await this.page.getByTestId('marketplace-category').selectOption(options.category);
    if (options.origin !== undefined) await this.page.getByTestId('marketplace-origin').selectOption(options.origin);
    if (options.featured !== undefined) await this.page.getByTestId('marketplace-featured').setChecked(options.featured);
    if (options.query !== undefined) await this.page.getByTestId('marketplace-search').fill(options.query);
  }

  async refresh(): Promise<void> {
    await this.page.getByTestId('marketplace-refresh').click();
  }

  async openTemplate(name: string): Promise<void> {
    await this.card(name).getByTestId('template-open').click();
    await expect(this.detail.getByRole('heading', { name })).toBeVisible();
  }

  /** Installs the open template, giving each slot a new value; waits for the editor. */
  async install(values: Record<string, string>): Promise<void> {
    await this.detail.getByTestId('template-install').click();
    const dialog = this.page.getByTestId('install-dialog');
    await expect(dialog).toBeVisible();
    for (const [slot, value] of Object.entries(values)) {
      await dialog.getByTestId(`install-slot-new-${slot}`).check();
      await dialog.getByTestId(`install-value-${slot}`).fill(value);
    }
    await dialog.getByTestId('install-confirm').click();
    await expect(dialog).toBeHidden();
  }

  /** Opens the publish dialog for one connector and waits for the check's preview. */
  async previewPublish(connectorName: string): Promise<Locator> {
    await this.page.getByTestId('publish-open').click();
    const dialog = this.page.getByTestId('publish-dialog');
    await expect(dialog).toBeVisible();
    const select = dialog.getByTestId('publish-connector');
    const value = await select.locator('option', { hasText: connectorName }).getAttribute('value');
    await select.selectOption(value!);
    await expect(dialog.getByTestId('publish-preview')).toBeVisible();
    return dialog;
  }
}
