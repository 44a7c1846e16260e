/**
 * Issue 3's settings in browser mode: the gear button and Ctrl+, open the settings; the theme
 * persists across a reload and is applied at start; the default run mode is the run bar's
 * mode for a new connector; an invalid proxy is refused in plain words and nothing is saved;
 * a valid one is saved to settings.json (what live runs read).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { hostCallFromPage } from './pages/hostCallFromPage.js';
import { SettingsPage } from './pages/settingsPage.js';

const savedSettings = async (userDataDir: string) => JSON.parse(await readFile(join(userDataDir, 'settings.json'), 'utf8').catch(() => '{}')) as Record<string, unknown>;

test.beforeEach(async ({ app, workspaceDir, shell, chooser }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
});

test('the theme chosen in the settings persists across a reload and is applied at start', async ({ page, userDataDir, shell }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.chooseTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await savedSettings(userDataDir)).theme).toBe('dark');

  await page.reload();
  await expect(shell.ready).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Ctrl+, opens the settings from anywhere; the saved choice is the checked one.
  await page.keyboard.press('Control+Comma');
  await expect(settings.root).toBeVisible();
  await expect(page.getByTestId('settings-theme-dark')).toBeChecked();

  await settings.chooseTheme('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(shell.ready).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  // "Follow the system" paints what the OS prefers, and follows it when it changes.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await settings.open();
  await settings.chooseTheme('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect((await savedSettings(userDataDir)).theme).toBe('system');
});

test('the default run mode is the run bar mode of a new connector, also after a reload', async ({ page, shell, dashboard }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.setRunMode('replay');
  await shell.goToDashboard();
  await dashboard.createConnector();
  await expect(page.getByTestId('run-mode')).toHaveValue('replay');
  // Switching one connector's run bar does not change where the next connector starts.
  await page.getByTestId('run-mode').selectOption('mock');
  await shell.goToDashboard();
  await dashboard.createConnector();
  await expect(page.getByTestId('run-mode')).toHaveValue('replay');

  await page.reload();
  await expect(shell.ready).toBeVisible();
  await settings.open();
  await expect(settings.runMode).toHaveValue('replay');
  await settings.setRunMode('live');
  await shell.goToDashboard();
  await dashboard.createConnector();
  await expect(page.getByTestId('run-mode')).toHaveValue('live');
});

test('an invalid proxy is refused with a plain message and nothing is saved; a valid one is saved', async ({ page, userDataDir }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(settings.root).toContainText('Used only by live runs');

  for (const [bad, words] of [['proxy.example.com:8080', 'must start with http:// or https://'], ['ftp://proxy.example.com:21', 'must start with http:// or https://'], ['http://proxy.example.com', 'needs a port'], ['http://proxy.example.com:3128/path', 'no path']] as const) {
    await settings.saveProxy(bad);
    await expect(page.getByTestId('settings-proxy-error')).toContainText(words);
    await expect(page.getByTestId('settings-proxy-error')).toContainText('Nothing was saved');
    await expect(settings.proxy).toHaveAttribute('aria-invalid', 'true');
  }
  expect((await savedSettings(userDataDir)).proxy ?? '').toBe('');

  // The host refuses it too when the request is made by hand.
  const viaHost = await hostCallFromPage(page, 'settings.update', { proxy: 'http://proxy.example.com/path' });
  expect(viaHost).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  expect((await savedSettings(userDataDir)).proxy ?? '').toBe('');

  await settings.saveProxy('http://proxy.example.com:3128');
  await expect(page.getByTestId('settings-proxy-saved')).toHaveText('Proxy saved. Live runs go through it.');
  expect((await savedSettings(userDataDir)).proxy).toBe('http://proxy.example.com:3128');
  await page.reload();
  await settings.open();
  await expect(settings.proxy).toHaveValue('http://proxy.example.com:3128');
});

test('the Supabase section is the sync panel form: saved here, shown there', async ({ page, userDataDir }) => {
  const settings = new SettingsPage(page);
  await settings.open();
  const section = page.getByTestId('settings-supabase');
  await section.getByTestId('supabase-url').fill('https://abcd.supabase.co');
  await section.getByTestId('supabase-anon-key').fill('public-anon-key');
  await section.getByTestId('supabase-settings-save').click();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  expect(await savedSettings(userDataDir)).toMatchObject({ supabaseUrl: 'https://abcd.supabase.co', supabaseAnonKey: 'public-anon-key' });
  // Open Sync shows the same project in the Sync dialog, where signing in happens.
  await section.getByTestId('settings-open-sync').click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel.getByTestId('supabase-url')).toHaveValue('https://abcd.supabase.co');
  await expect(panel.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
