/**
 * Environments in the run bar: the workspace's environments.json is listed, the run starts on
 * sandbox (never on an environment that asks first), {{env.base_url}} follows the choice, and
 * a live run against production needs an explicit confirmation — declining sends nothing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './editorFixtures.js';

test('switching environments changes where a live run goes; production asks first', async ({ page, workspaceDir, sandbox, dashboard, openEmptyWorkspace }) => {
  await writeFile(join(workspaceDir, 'environments.json'), JSON.stringify({
    environments: {
      production: { variables: { base_url: `${sandbox.url}/prod` }, confirmLiveRuns: true },
      sandbox: { variables: { base_url: sandbox.url } },
    },
  }));
  await writeFile(join(workspaceDir, 'env-demo.connector.json'), JSON.stringify({
    schemaVersion: 2, id: 'env-demo', name: 'Env demo',
    steps: [{ id: 'verify', name: 'Verify', url: '{{env.base_url}}/verify', outputs: [{ name: 'valid', path: '$.valid' }] }],
  }));
  await openEmptyWorkspace();
  await dashboard.openConnector('env-demo');
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');

  const environment = page.getByTestId('run-environment');
  await expect(environment).toHaveValue('sandbox');
  await expect(environment.locator('option')).toHaveText(['none', 'production ⚠ asks before live runs', 'sandbox']);
  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
  expect(sandbox.requests).toEqual(['GET /verify']);

  await environment.selectOption('production');
  page.once('dialog', (dialog) => { expect(dialog.message()).toContain('Run live against production?'); void dialog.dismiss(); });
  await page.getByTestId('run-button').click();
  await page.waitForTimeout(500);
  expect(sandbox.requests).toEqual(['GET /verify']);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('run-button').click();
  await expect.poll(() => sandbox.requests).toEqual(['GET /verify', 'GET /prod/verify']);
  await expect(page.getByTestId('run-status')).toHaveText('failed', { timeout: 30_000 });
});
