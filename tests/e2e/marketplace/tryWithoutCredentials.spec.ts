/**
 * A template can be tried before its credentials are at hand: installed without them, it opens
 * in Replay mode and replays its recorded cassette with nothing in the vault; the first live run
 * asks for the credential, and no value ever reaches a file.
 */
import { expect, readAllFiles, test } from '../fixtures.js';
import { MarketplacePage } from './marketplacePage.js';

const KEY = 'trestle-e2e-later-key-0f9e8d7c6b5a';

test('install without credentials, replay at once, the credential asked for before the first live run', async ({ page, app, workspaceDir, userDataDir, shell, chooser }) => {
  const market = new MarketplacePage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await market.open();
  await market.openTemplate('Phone Number Enrichment');
  await market.detail.getByTestId('template-install').click();
  const dialog = page.getByTestId('install-dialog');
  await dialog.getByTestId('install-try').click();
  await expect(dialog).toBeHidden();

  await expect(page.getByTestId('run-mode')).toHaveValue('replay');
  await expect(page.getByTestId('toast').filter({ hasText: 'asked for before the first live run' })).toBeVisible();
  await expect(page.getByTestId('problems-count')).toHaveText('1 problem');
  await page.getByTestId('run-input-phone').fill('+12065550123');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 20_000 });
  await page.getByTestId('panel-tab-contact').click();
  await expect(page.locator('[data-field="first_name"] [data-testid="contact-after"]')).toHaveText('"Ava"');

  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-button').click();
  const prompt = page.getByTestId('credential-prompt');
  await expect(prompt).toContainText('A live run needs it.');
  await expect(prompt.getByTestId('credential-name-input')).toHaveValue('trestle_api_key');
  await prompt.getByTestId('credential-value-input').fill(KEY);
  await prompt.getByTestId('credential-save-button').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  for (const file of [...await readAllFiles(workspaceDir), ...await readAllFiles(userDataDir)]) expect(file.content.toString('utf8'), file.path).not.toContain(KEY);
});
