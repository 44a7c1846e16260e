/**
 * Import → OpenAPI: a real public spec (Swagger Petstore from @readme/oas-examples, see
 * tests/openapi/README.md) picked as a file; search, tick two operations, check the preview,
 * open the connector and run it against the mocks taken from the spec's examples. A spec that
 * reaches outside itself gets a clear error and writes nothing.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachScreenshot, expect, test } from './editorFixtures.js';

const petstore = fileURLToPath(new URL('../../../node_modules/@readme/oas-examples/3.0/json/petstore.json', import.meta.url));

test('operations of an OpenAPI spec become a runnable connector', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-tab-openapi').click();
  await page.locator('#import-openapi-file').setInputFiles(petstore);
  await expect(page.getByTestId('import-openapi-input')).not.toHaveValue('');
  await page.getByTestId('import-openapi-read').click();
  await expect(page.getByTestId('import-openapi-title')).toContainText('Swagger Petstore');
  await expect(page.getByTestId('import-openapi-operation')).toHaveCount(20);
  await expect(page.getByTestId('import-submit')).toBeDisabled();

  await page.getByTestId('import-openapi-search').fill('findPetsByStatus');
  await expect(page.getByTestId('import-openapi-operation')).toHaveCount(1);
  await page.getByTestId('import-openapi-operation').getByRole('checkbox').check();
  await page.getByTestId('import-openapi-search').fill('/pet/{petId}');
  await page.getByTestId('import-openapi-operation').filter({ hasText: 'Find pet by ID' }).getByRole('checkbox').check();
  const preview = page.getByTestId('import-openapi-preview');
  await expect(preview).toContainText('2 step(s)');
  await expect(preview).toContainText('http://petstore.swagger.io/v2/pet/findByStatus');
  await expect(preview).toContainText('http://petstore.swagger.io/v2/pet/{{pet_id}}');
  await expect(preview).toContainText('Inputs: status, pet_id');
  await expect(page.getByTestId('import-openapi-notes')).toContainText('implicit flow');
  await attachScreenshot(page, testInfo, 'openapi-preview');
  await page.getByTestId('import-submit').click();

  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('step-node')).toHaveCount(2);
  await expect(page.getByTestId('toast').filter({ hasText: 'petstore_auth_token, api_key' })).toBeVisible();
  // The only problems are the two credentials the spec's security schemes need and nobody has set yet.
  await expect(page.getByTestId('problems-count')).toHaveText('2 problems');
  await page.getByTestId('problems-count').click();
  for (const name of ['petstore_auth_token', 'api_key']) await expect(page.getByTestId('bottom-area').getByText(`"${name}", which has no stored value`, { exact: false })).toBeVisible();
  // A mock run needs no secret.
  await page.getByTestId('run-mode').selectOption('mock');
  await page.getByTestId('run-input-status').fill('available');
  await page.getByTestId('run-input-pet_id').fill('1');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
  await editor.save();
  expect((await readdir(workspaceDir)).filter((f) => f.endsWith('.connector.json'))).toHaveLength(1);
});

test('a pasted spec that refers to a local file is refused and nothing is written', async ({ page, workspaceDir, openEmptyWorkspace }) => {
  await openEmptyWorkspace();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-tab-openapi').click();
  const spec = { openapi: '3.0.3', info: { title: 'Hostile', version: '1' }, paths: { '/x': { get: { operationId: 'x', responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: join(workspaceDir, '..', 'secret.json') } } } } } } } } };
  await page.getByTestId('import-openapi-input').fill(JSON.stringify(spec));
  await page.getByTestId('import-openapi-read').click();
  await expect(page.getByTestId('import-error')).toContainText('A pasted spec cannot refer to other files');
  await expect(page.getByTestId('import-openapi-operation')).toHaveCount(0);
  expect(await readdir(workspaceDir)).toEqual([]);
});
