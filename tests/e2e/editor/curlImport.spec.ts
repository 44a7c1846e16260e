/**
 * A pasted cURL command with a bearer token becomes a one-step connector: the token is left
 * out of every file in the workspace and the step's auth references a credential instead.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConnectorDocument } from '../../../core/index.js';
import { attachScreenshot, expect, readAllFiles, test } from './editorFixtures.js';

const TOKEN = 'sk_live_9f8e7d6c5b4a39281726354453627189';

test('a cURL command with a bearer token becomes a one-step connector without the token', async ({ page, workspaceDir, userDataDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await attachScreenshot(page, testInfo, 'dashboard-empty');
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  await page.getByTestId('import-tab-curl').click();
  await page.getByTestId('import-curl-input').fill(
    `curl -X POST 'https://api.example.com/v1/people/search?limit=1' -H 'Authorization: Bearer ${TOKEN}' -H 'Content-Type: application/json' -d '{"email":"ada@example.com"}'`,
  );
  await page.getByTestId('import-submit').click();

  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'carried a secret' })).toBeVisible();
  await expect(page.getByTestId('step-limit')).toHaveText('1 / 5 steps');
  await expect(page.getByTestId('step-node')).toHaveCount(1);
  await expect(page.getByTestId('step-node')).toContainText('POST');
  await expect(page.getByTestId('step-node')).toContainText('bearer');
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  // The token is not shown anywhere in the editor either.
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
  expect(stepAuth).toEqual({ type: 'bearer', token: '{{credentials.api_token}}' });
  expect(saved.credentials.map((c) => c.name)).toContain('api_token');
  // Not in the connector file, nor anywhere else the app wrote (workspace or user data).
  for (const file of [...await readAllFiles(workspaceDir), ...await readAllFiles(userDataDir)]) {
    expect(file.content.includes(TOKEN), `${file.path} holds the token`).toBe(false);
  }
});
