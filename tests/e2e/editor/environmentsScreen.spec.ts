/**
 * The Environments screen, by keyboard: add sandbox and production, edit variables, mark a
 * secret (its value goes to the vault, never to environments.json), mark production, rename,
 * refuse bad input in plain words, delete. Screenshots at 1280×720 and 1920×1080.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachScreenshot, expect, readAllFiles, test } from './editorFixtures.js';

const SECRET = 'PLANTED-env-screen-secret-6620';

test('environments are added, edited, renamed and deleted from their screen; secret values never reach a file', async ({ page, workspaceDir, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await page.getByTestId('nav-environments').click();
  await expect(page.getByTestId('env-empty')).toBeVisible();

  // Add by keyboard: type the name, Enter.
  await page.getByTestId('env-new-name').fill('sandbox');
  await page.getByTestId('env-new-name').press('Enter');
  const sandbox = page.locator('[data-testid="env-card"][data-env-name="sandbox"]');
  await expect(sandbox).toBeVisible();

  await expect(sandbox.getByTestId('env-no-variables')).toBeVisible();
  await expect(sandbox.getByTestId('env-unsaved')).toHaveCount(0);
  // + Variable puts the focus in the new row's name: type it, Tab, type the value.
  await sandbox.getByTestId('env-add-variable').press('Enter');
  await expect(sandbox.getByTestId('env-variable-name').nth(0)).toBeFocused();
  await page.keyboard.type('base_url');
  await page.keyboard.press('Tab');
  await page.keyboard.type('https://sandbox.example.test');
  await expect(sandbox.getByTestId('env-unsaved')).toBeVisible();
  await expect(sandbox.getByTestId('env-save')).toHaveClass(/primary/);
  await sandbox.getByTestId('env-add-variable').press('Enter');
  await sandbox.getByTestId('env-variable-name').nth(1).fill('partner_key');
  await sandbox.getByTestId('env-variable-secret').nth(1).press('Space');
  await expect(sandbox.getByTestId('env-variable-value').nth(1)).toHaveAttribute('type', 'password');
  await sandbox.getByTestId('env-variable-value').nth(1).fill(SECRET);
  // Enter in a field saves.
  await sandbox.getByTestId('env-variable-value').nth(1).press('Enter');
  await expect(sandbox.getByTestId('env-variable-value').nth(1)).toHaveAttribute('placeholder', 'stored — type to replace');
  await expect(sandbox.getByTestId('env-unsaved')).toHaveCount(0);
  await expect(sandbox.getByTestId('env-save')).not.toHaveClass(/primary/);

  const file = async () => JSON.parse(await readFile(join(workspaceDir, 'environments.json'), 'utf8')) as { environments: Record<string, { variables: Record<string, string>; secrets: string[]; confirmLiveRuns: boolean }> };
  expect((await file()).environments.sandbox).toEqual({ confirmLiveRuns: false, secrets: ['partner_key'], variables: { base_url: 'https://sandbox.example.test' } });

  // Production, marked to ask before live runs.
  await page.getByTestId('env-new-name').fill('production');
  await page.getByTestId('env-add').click();
  const production = page.locator('[data-testid="env-card"][data-env-name="production"]');
  await production.getByTestId('env-production').check();
  await production.getByTestId('env-save').click();
  await expect(production.getByTestId('env-production-badge')).toBeVisible();
  expect((await file()).environments.production!.confirmLiveRuns).toBe(true);

  // Errors in plain words.
  await page.getByTestId('env-new-name').fill('production');
  await page.getByTestId('env-new-name').press('Enter');
  await expect(page.getByTestId('env-error')).toHaveText('There is already an environment called "production". Pick another name.');
  await production.getByTestId('env-add-variable').click();
  await production.getByTestId('env-variable-name').nth(0).fill('base url');
  await production.getByTestId('env-save').click();
  await expect(production.getByTestId('env-card-error')).toHaveText('"base url" is not a valid variable name: use letters, digits and _, starting with a letter or _.');
  await production.getByTestId('env-variable-name').nth(0).fill('base_url');
  await production.getByTestId('env-variable-value').nth(0).fill('https://api.example.test');
  await production.getByTestId('env-save').click();
  await expect(production.getByTestId('env-card-error')).toHaveCount(0);

  await page.setViewportSize({ width: 1280, height: 720 });
  await attachScreenshot(page, testInfo, 'environments-1280x720');
  await page.screenshot({ path: testInfo.outputPath('environments-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await attachScreenshot(page, testInfo, 'environments-1920x1080');
  await page.screenshot({ path: testInfo.outputPath('environments-1920x1080.png') });

  // Rename keeps the secret value (moved in the vault).
  await sandbox.getByTestId('env-rename-input').fill('staging');
  await sandbox.getByTestId('env-rename-input').press('Enter');
  const staging = page.locator('[data-testid="env-card"][data-env-name="staging"]');
  await expect(staging).toBeVisible();
  await expect(staging.getByTestId('env-variable-value').nth(1)).toHaveAttribute('placeholder', 'stored — type to replace');
  expect(Object.keys((await file()).environments).sort()).toEqual(['production', 'staging']);

  page.once('dialog', (dialog) => void dialog.accept());
  await production.getByTestId('env-delete').click();
  await expect(production).toHaveCount(0);
  expect(Object.keys((await file()).environments)).toEqual(['staging']);

  for (const f of await readAllFiles(workspaceDir)) expect(f.content.toString().includes(SECRET), f.path).toBe(false);
});
