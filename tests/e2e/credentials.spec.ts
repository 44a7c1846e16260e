/**
 * Issue 3: a credential set in the app is stored encrypted in the user-data vault only; its
 * value is absent from every file of the workspace and of the user-data folder (except the
 * encrypted vault itself) and never shown in the page.
 */
import { join } from 'node:path';
import { expect, readAllFiles, test } from './fixtures.js';

const SECRET = 'sk_live_e2e_0123456789abcdefZQ';

test('set a credential: masked in the UI, encrypted at rest, absent from the workspace', async ({ app, workspaceDir, userDataDir, shell, chooser, dashboard, editor, credentials, page }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await dashboard.createConnector();
  await editor.rename('Uses a token');
  await editor.save();

  await shell.goToCredentials();
  await credentials.set('crm_token', SECRET);
  await expect(credentials.row('crm_token').getByTestId('credential-mask')).toHaveText(/^•+(ZQ)?$/);
  await expect(credentials.valueInput).toHaveValue('');
  expect(await page.content()).not.toContain(SECRET);

  // Reload: still listed, still masked.
  await page.reload();
  await shell.goToCredentials();
  await expect(credentials.row('crm_token')).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);

  const needles = [SECRET, Buffer.from(SECRET).toString('base64'), encodeURIComponent(SECRET)];
  const workspaceFiles = await readAllFiles(workspaceDir);
  expect(workspaceFiles.length).toBeGreaterThan(0);
  for (const file of workspaceFiles) for (const needle of needles) expect(file.content.toString('utf8'), `workspace/${file.path}`).not.toContain(needle);

  const userDataFiles = await readAllFiles(userDataDir);
  const vault = userDataFiles.find((f) => /^vault-.*\.json$/.test(f.path));
  expect(vault, 'the vault file exists').toBeDefined();
  expect(JSON.parse(vault!.content.toString('utf8')).entries.crm_token.ciphertext).toMatch(/^v1:aes-256-gcm:/);
  for (const file of userDataFiles) for (const needle of needles) expect(file.content.toString('utf8'), join('user-data', file.path)).not.toContain(needle);
});

test('replace and delete a credential', async ({ app, workspaceDir, shell, chooser, credentials }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await shell.goToCredentials();
  await credentials.set('api_key', 'first-value-1234567890');
  await credentials.set('api_key', 'second-value-123456789');
  await expect(credentials.rows).toHaveCount(1);
  await credentials.remove('api_key');
});
