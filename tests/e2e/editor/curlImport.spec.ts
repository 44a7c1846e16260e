/**
 * A pasted cURL command with a bearer token becomes a one-step connector: the token is left
 * out of every file in the workspace and the step's auth references a credential instead.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConnectorDocument } from '#core';
import { attachScreenshot, expect, readAllFiles, test } from './editorFixtures.js';

const TOKEN = 'sk_live_9f8e7d6c5b4a39281726354453627189';

test('a cURL command with a bearer token: a preview of the connector, the token stored as a credential right there, never in a file', async ({ page, workspaceDir, userDataDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await attachScreenshot(page, testInfo, 'dashboard-empty');
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.getByTestId('import-tab-curl').click();
  await page.getByTestId('import-curl-input').fill(
    `curl -X POST 'https://api.example.com/v1/people/search?limit=1' -H 'Authorization: Bearer ${TOKEN}' -H 'Content-Type: application/json' -d '{"email":"ada@example.com"}'`,
  );

  // Before anything is created: what the connector will be, and the secret it found.
  const preview = page.getByTestId('curl-preview');
  await expect(page.getByTestId('curl-preview-request')).toHaveText('POST https://api.example.com/v1/people/search');
  await expect(preview).toContainText('limit=1');
  await expect(preview).toContainText('Content-Type');
  await expect(page.getByTestId('curl-preview-auth')).toHaveText('bearer → {{credentials.api_token}}');
  await expect(preview).toContainText(`Bearer token (${TOKEN.length} characters)`);
  await expect(preview).not.toContainText(TOKEN.slice(8));
  await expect(page.getByTestId('curl-store-secrets')).toBeChecked();
  // A name that is not an identifier holds the import; a good one flows into the preview.
  await page.getByTestId('curl-secret-name').fill('people token');
  await expect(page.getByTestId('import-dialog').getByRole('alert')).toContainText('not a usable credential name');
  await expect(page.getByTestId('import-submit')).toBeDisabled();
  await page.getByTestId('curl-secret-name').fill('people_token');
  await expect(page.getByTestId('curl-preview-auth')).toHaveText('bearer → {{credentials.people_token}}');
  await attachScreenshot(page, testInfo, 'curl-preview');
  await page.getByTestId('import-submit').click();

  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Stored people_token as credentials' })).toBeVisible();
  await expect(page.getByTestId('step-limit')).toHaveText('1 / 5 steps');
  await expect(page.getByTestId('step-node')).toHaveCount(1);
  await expect(page.getByTestId('step-node')).toContainText('POST');
  await expect(page.getByTestId('step-node')).toContainText('🔑 Bearer*');
  // The credential has a value, so nothing is missing.
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  await expect(page.locator('body')).not.toContainText(TOKEN);
  await attachScreenshot(page, testInfo, 'curl-imported');

  await editor.save();
  const files = (await readdir(workspaceDir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const raw = await readFile(join(workspaceDir, files[0]!), 'utf8');
  const saved = loadConnectorDocument(JSON.parse(raw));
  expect(saved.steps).toHaveLength(1);
  expect(saved.steps[0]?.method).toBe('POST');
  expect(saved.steps[0]?.url).toContain('https://api.example.com/v1/people/search');
  expect(saved.steps[0]?.body).toEqual({ type: 'json', value: { email: 'ada@example.com' } });
  const stepAuth = saved.steps[0]?.auth ?? saved.auth;
  expect(stepAuth).toEqual({ type: 'bearer', token: '{{credentials.people_token}}' });
  expect(saved.credentials.map((c) => c.name)).toContain('people_token');
  // Not in the connector file, nor anywhere else the app wrote (workspace or user data: the vault is encrypted).
  for (const file of [...await readAllFiles(workspaceDir), ...await readAllFiles(userDataDir)]) {
    expect(file.content.includes(TOKEN), `${file.path} holds the token`).toBe(false);
  }
  await page.getByTestId('nav-credentials').click();
  await expect(page.locator('[data-testid="credential-row"][data-credential-name="people_token"]')).toBeVisible();
});

test('a cURL import whose secret is not stored shows the missing credential as a problem, set from there', async ({ page, openEmptyWorkspace }) => {
  await openEmptyWorkspace();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-tab-curl').click();
  await page.getByTestId('import-curl-input').fill(`curl https://api.example.com/v1/me -H 'Authorization: Bearer ${TOKEN}'`);
  await page.getByTestId('curl-store-secrets').uncheck();
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'carried a secret' })).toBeVisible();
  await expect(page.getByTestId('problems-count')).toHaveText('1 problem');
  await page.getByTestId('problems-count').click();
  await expect(page.getByTestId('problem')).toContainText('uses the credential "api_token", which has no stored value.');
  await page.getByTestId('problem-set-credential').click();
  const prompt = page.getByTestId('credential-prompt');
  await expect(prompt.getByTestId('credential-name-input')).toHaveValue('api_token');
  await prompt.getByTestId('credential-value-input').fill(TOKEN);
  await prompt.getByTestId('credential-save-button').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
});
