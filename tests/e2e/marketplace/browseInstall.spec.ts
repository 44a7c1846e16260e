/**
 * Issue 6 offline, in browser mode: browse the built-in templates, filter by category and
 * origin, open one (read-only step graph), install it with a credential, run it in replay
 * mode from the copied cassette and see the mapped contact. The key never reaches a file.
 */
import { expect, readAllFiles, test } from '../fixtures.js';
import { MarketplacePage } from './marketplacePage.js';

const KEY = 'trestle-e2e-key-5a4b3c2d1e0f99887766';

test('browse, filter, open, install with a credential, replay and see the mapped contact', async ({ page, app, workspaceDir, shell, chooser }) => {
  const market = new MarketplacePage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await market.open();

  await expect(market.cards).toHaveCount(6);
  for (const card of await market.cards.all()) await expect(card).toHaveAttribute('data-origin', 'official');
  await expect(page.getByTestId('marketplace-remote-message')).toContainText('Sign in under Sync');
  // The message links to where signing in happens.
  await page.getByTestId('marketplace-open-sync').click();
  await expect(page.getByTestId('sync-panel')).toBeVisible();
  await expect(page.getByTestId('sync-panel').getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('sync-panel')).toBeHidden();

  await market.filter({ category: 'crm' });
  expect((await market.names()).sort()).toEqual(['HubSpot Contact Sync', 'Salesforce Lead Enrichment']);
  await market.filter({ category: 'enrichment', origin: 'official' });
  expect((await market.names()).sort()).toEqual(['Company Data (Clearbit)', 'Contact 360 Enrichment', 'Phone Number Enrichment']);
  await market.filter({ origin: 'community' });
  await expect(market.cards).toHaveCount(0);
  await market.filter({ category: 'validation', origin: 'official', query: 'zerobounce' });
  await expect(market.cards).toHaveCount(1);
  await market.filter({ query: 'no template says this' });
  await expect(market.cards).toHaveCount(0);
  await market.filter({ category: '', origin: 'all', query: '' });
  await expect(market.cards).toHaveCount(6);

  // A multi-step template's graph, read-only.
  await market.openTemplate('Contact 360 Enrichment');
  await expect(market.detail.getByTestId('template-origin')).toHaveText('✔ Official');
  await expect(market.detail.locator('.react-flow__node-step')).toHaveCount(3);
  await expect(market.detail.locator('.react-flow__node.draggable')).toHaveCount(0);
  await expect(market.detail.locator('.react-flow__node.selectable')).toHaveCount(0);

  // An OAuth template: its connection is made after installing (Connect), not pasted in the dialog.
  await market.openTemplate('Salesforce Lead Enrichment');
  await market.detail.getByTestId('template-install').click();
  const salesforceDialog = page.getByTestId('install-dialog');
  await expect(salesforceDialog.getByTestId('install-slot-later-salesforce_connection')).toBeChecked();
  await expect(salesforceDialog.getByTestId('install-later-salesforce_connection')).toContainText('press Connect in the connector\'s Auth tab');
  await expect(salesforceDialog.getByTestId('install-slot-new-salesforce_client_id')).toBeChecked();
  // It opens on the first value to paste (the sign-in slot before it asks for none).
  await expect(salesforceDialog.getByTestId('install-value-salesforce_client_id')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(salesforceDialog).toBeHidden();

  await market.openTemplate('Phone Number Enrichment');
  await expect(market.detail.getByTestId('template-author')).toHaveText('Connector Studio');
  await expect(market.detail.getByTestId('template-version')).toHaveText('1');
  await expect(market.detail.getByTestId('template-credentials')).toContainText('Trestle API key');
  await expect(market.detail.getByTestId('admin-feature')).toHaveCount(0);
  // The dialog opens on the key's field; Enter there installs, as the Install button does.
  await market.detail.getByTestId('template-install').click();
  const installDialog = page.getByTestId('install-dialog');
  await expect(installDialog.getByTestId('install-value-trestle_api_key')).toBeFocused();
  await page.keyboard.type(KEY);
  await page.keyboard.press('Enter');
  await expect(installDialog).toBeHidden();

  // The new connector opens in the editor, ready to test in replay mode.
  await expect(page.getByTestId('run-mode')).toBeVisible();
  await page.getByTestId('run-mode').selectOption('replay');
  await page.getByTestId('run-input-phone').fill('+12065550123');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 20_000 });
  await page.getByTestId('panel-tab-contact').click();
  await expect(page.locator('[data-field="first_name"] [data-testid="contact-after"]')).toHaveText('"Ava"');
  await expect(page.locator('[data-field="city"] [data-testid="contact-after"]')).toHaveText('"Seattle"');

  const files = await readAllFiles(workspaceDir);
  expect(files.some((f) => f.path.endsWith('.cassettes/default.json'))).toBe(true);
  for (const file of files) expect(file.content.toString('utf8'), file.path).not.toContain(KEY);
});
