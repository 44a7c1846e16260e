/**
 * Export offers both formats wherever it appears (a dashboard card, the editor), and when the
 * interchange format cannot express the graph the message names the steps and says what to
 * change in the editor, with the app's own file offered instead.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportInterchange, loadConnectorDocument } from '#core';
import { expect, test } from './editorFixtures.js';
import { chooseExport } from '../pages/exportMenu.js';

const step = (id: string, name: string) => ({ id, name, method: 'GET', url: `https://api.example.com/${id}`, position: { x: 300, y: 0 } });

test('a dashboard card and the editor export the app file and the interchange JSON; an inexpressible graph says what to change, in step names', async ({ page, workspaceDir, openEmptyWorkspace }) => {
  const simple = { schemaVersion: 2, id: 'simple', name: 'Simple', steps: [step('step_1', 'Search')] };
  // Company runs after Details only, while Verify sits in the same group as Details.
  const diamond = {
    schemaVersion: 2, id: 'partial', name: 'Partial join', advanced: true,
    steps: [step('search', 'Search'), step('details', 'Details'), step('verify', 'Verify'), step('company', 'Company')],
    edges: [{ id: 'e1', source: 'search', target: 'details' }, { id: 'e2', source: 'search', target: 'verify' }, { id: 'e3', source: 'details', target: 'company' }],
  };
  await writeFile(join(workspaceDir, 'simple.connector.json'), `${JSON.stringify(simple, null, 2)}\n`);
  await writeFile(join(workspaceDir, 'partial.connector.json'), `${JSON.stringify(diamond, null, 2)}\n`);
  await openEmptyWorkspace();

  const card = page.locator('[data-testid="connector-card"][data-connector-id="simple"]');
  const downloadOf = async (button: import('@playwright/test').Locator, format: 'app' | 'interchange') => {
    const download = page.waitForEvent('download');
    await chooseExport(button, format);
    const file = await download;
    return { name: file.suggestedFilename(), json: JSON.parse(await readFile(await file.path(), 'utf8')) as Record<string, unknown> };
  };
  const app = await downloadOf(card.getByTestId('card-export'), 'app');
  expect(app.name).toBe('simple.connector.json');
  expect(loadConnectorDocument(app.json)).toEqual(loadConnectorDocument(simple));
  const interchange = await downloadOf(card.getByTestId('card-export'), 'interchange');
  expect(interchange.json).toEqual(JSON.parse(JSON.stringify(exportInterchange(loadConnectorDocument(simple)))));
  expect(interchange.json.type).toBe('single-step');

  await page.locator('[data-testid="connector-card"][data-connector-id="partial"] [data-testid="connector-card-name"]').click();
  await expect(page.locator('[data-testid="editor"][data-connector-id="partial"]')).toBeVisible();
  await chooseExport(page.getByTestId('export-button'), 'interchange');
  const toast = page.getByTestId('toast').filter({ hasText: 'Not exported in the interchange format' });
  await expect(toast).toContainText('Company (company) runs after Details (details) only');
  await expect(toast).toContainText('In the editor, link Verify (verify) to Company (company) too (drag from its right handle onto it), or export in the app format.');
  const download = page.waitForEvent('download');
  await toast.getByRole('button', { name: 'Export the app file instead' }).click();
  const appFile = await download;
  expect(appFile.suggestedFilename()).toBe('partial.connector.json');
  expect(loadConnectorDocument(JSON.parse(await readFile(await appFile.path(), 'utf8'))).steps).toHaveLength(4);
  const editorApp = await downloadOf(page.getByTestId('export-button'), 'app');
  expect(editorApp.name).toBe('partial.connector.json');
});
