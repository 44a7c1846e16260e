/** The dashboard: connector cards, invalid-file cards, create. */
import { expect, type Locator, type Page } from '@playwright/test';

export class DashboardPage {
  readonly root: Locator;
  readonly cards: Locator;
  readonly invalidCards: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dashboard');
    this.cards = page.getByTestId('connector-card');
    this.invalidCards = page.getByTestId('invalid-file-card');
  }

  card(connectorId: string): Locator {
    return this.page.locator(`[data-testid="connector-card"][data-connector-id="${connectorId}"]`);
  }

  cardName(connectorId: string): Locator {
    return this.card(connectorId).getByTestId('connector-card-name');
  }

  invalidCard(file: string): Locator {
    return this.page.locator(`[data-testid="invalid-file-card"][data-file="${file}"]`);
  }

  /** Creates a blank connector and waits for the editor. */
  async createConnector(): Promise<void> {
    await this.page.getByTestId('new-connector-button').click();
    await expect(this.page.getByTestId('editor')).toBeVisible();
  }

  async openConnector(connectorId: string): Promise<void> {
    await this.cardName(connectorId).click();
    await expect(this.page.locator(`[data-testid="editor"][data-connector-id="${connectorId}"]`)).toBeVisible();
  }
}
