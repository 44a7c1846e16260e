/** The frame around every screen: readiness, workspace name, navigation, toasts. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppShell {
  readonly ready: Locator;
  readonly workspaceName: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.ready = page.getByTestId('app-ready');
    this.workspaceName = page.getByTestId('workspace-name');
    this.toast = page.getByTestId('toast');
  }

  /** Opens the app from the URL with the token and waits until it has talked to the host. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.ready).toBeVisible();
  }

  async goToDashboard(): Promise<void> {
    await this.page.getByTestId('nav-dashboard').click();
    await expect(this.page.getByTestId('dashboard')).toBeVisible();
  }

  async goToCredentials(): Promise<void> {
    await this.page.getByTestId('nav-credentials').click();
    await expect(this.page.getByTestId('credential-name-input')).toBeVisible();
  }
}
