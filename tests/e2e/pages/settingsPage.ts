/** The settings screen (renderer/settings): theme, default run mode, proxy, Supabase project. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SettingsPage {
  readonly root: Locator;
  readonly runMode: Locator;
  readonly proxy: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('settings-screen');
    this.runMode = page.getByTestId('settings-run-mode');
    this.proxy = page.getByTestId('settings-proxy');
  }

  async open(): Promise<void> {
    await this.page.getByTestId('nav-settings').click();
    await expect(this.root).toBeVisible();
  }

  async chooseTheme(theme: 'light' | 'dark' | 'system'): Promise<void> {
    await this.page.getByTestId(`settings-theme-${theme}`).check();
    await expect(this.page.getByTestId('settings-theme-saved')).toBeVisible();
  }

  async setRunMode(mode: 'live' | 'mock' | 'replay'): Promise<void> {
    await this.runMode.selectOption(mode);
    await expect(this.page.getByTestId('settings-runMode-saved')).toBeVisible();
  }

  async saveProxy(value: string): Promise<void> {
    await this.proxy.fill(value);
    await this.page.getByTestId('settings-proxy-save').click();
  }
}
