/**
 * Issue 10 §1: an interchange file that maps to a field outside the system list (a CRM custom
 * field) imports without a problem, the editor shows that mapping as a custom field, and the
 * export writes it back the way it came (no flag: the name decides).
 */
import { readFileSync } from 'node:fs';
import { hostCallFromPage } from '../pages/hostCallFromPage.js';
import { expect, test } from './editorFixtures.js';

const CORPUS_FILE = new URL('../../fixtures/interchange/rule-08-field-mappings.json', import.meta.url);

test('an imported mapping to lead_score shows as a custom field and exports back unchanged', async ({ page, openEmptyWorkspace }) => {
  const text = readFileSync(CORPUS_FILE, 'utf8');
  await openEmptyWorkspace();
  await page.getByTestId('import-button').click();
  // A paste that is not JSON is refused inside the dialog, which stays open with the text.
  const broken = text.slice(0, 40);
  await page.getByTestId('import-json-input').fill(broken);
  await page.getByTestId('import-submit').click();
  await expect(page.getByTestId('import-error')).toContainText('Not imported: The file is not valid JSON');
  await expect(page.getByTestId('import-json-input')).toHaveValue(broken);
  await expect(page.getByTestId('toast')).toHaveCount(0);

  await page.getByTestId('import-json-input').fill(text);
  await page.getByTestId('import-submit').click();

  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('connector-tab-mappings').click();
  const rows = page.getByTestId('mapping-row');
  await expect(rows).toHaveCount(3);
  // System fields are picked from the list; lead_score is a custom field, shown as one.
  await expect(rows.nth(0).getByTestId('mapping-target')).toHaveValue('first_name');
  await expect(rows.nth(1).getByTestId('mapping-target')).toHaveValue('linkedin_url');
  await expect(rows.nth(2).getByTestId('mapping-target-custom')).toHaveValue('lead_score');
  await expect(rows.nth(2).getByTestId('mapping-target')).toHaveCount(0);

  // What the dashboard's Export button downloads: the mappings as the file had them.
  const list = await hostCallFromPage<Array<{ id: string }>>(page, 'connectors.list', undefined);
  const id = list.value?.[0]?.id;
  const exported = await hostCallFromPage<{ content: string }>(page, 'connectors.export', { id, format: 'interchange' });
  expect(JSON.parse(exported.value!.content).field_mappings).toEqual(JSON.parse(text).field_mappings);
});
