/**
 * Unsaved work is never lost and never resurrected: drafts follow undo and saves, a restored
 * draft is shown as a diff before it is applied, Discard deletes it, the dashboard lists every
 * connector with one, and a reload lands the user back in the connector with its run mode and
 * inputs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { attachScreenshot, expect, test } from './editorFixtures.js';
import { DraftsPage } from '../pages/draftsPage.js';

function connectorFile(id: string, name: string) {
  return {
    schemaVersion: 2, id, name,
    inputs: [{ name: 'email', type: 'email', required: true }],
    steps: [{ id: 'step_1', name: 'Search', method: 'GET', url: 'https://api.example.com/search?q={{email}}', position: { x: 300, y: 0 } }],
  };
}

// Several reloads of a Monaco-heavy page: slow on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ workspaceDir }) => {
  for (const [id, name] of [['alpha', 'Alpha'], ['beta', 'Beta']] as const) {
    await writeFile(join(workspaceDir, `${id}.connector.json`), `${JSON.stringify(connectorFile(id, name), null, 2)}\n`);
  }
});

const fileOf = async (dir: string, id: string) => JSON.parse(await readFile(join(dir, `${id}.connector.json`), 'utf8')) as { steps: { name: string }[] };

test('an undone edit and a discarded draft never come back; an applied draft is what gets saved', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  const drafts = new DraftsPage(page);
  await openEmptyWorkspace();
  await page.locator('[data-testid="connector-card"][data-connector-id="alpha"] [data-testid="connector-card-name"]').click();
  await editor.selectStep('step_1');

  // Edit, let the draft be written, undo: the reload opens the file with nothing to restore.
  await page.getByTestId('step-name-input').fill('Broken');
  await expect(editor.nodeName('step_1')).toHaveText('Broken');
  await page.waitForTimeout(600);
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect(editor.nodeName('step_1')).toHaveText('Search');
  await drafts.reload();
  await expect(page.locator('[data-testid="editor"][data-connector-id="alpha"]')).toBeVisible();
  await expect(editor.nodeName('step_1')).toHaveText('Search');
  await expect(drafts.offer).toHaveCount(0);

  // Edit and reload: the draft is offered as a diff, not applied behind the user's back.
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').fill('Draft name');
  await drafts.reload();
  await expect(drafts.offer).toBeVisible();
  await expect(drafts.diff.locator('.monaco-diff-editor')).toBeVisible();
  await expect(drafts.diff).toContainText('Draft name');
  await expect(editor.nodeName('step_1')).toHaveText('Search');
  await attachScreenshot(page, testInfo, 'draft-offer-diff');

  // Discard deletes it: the next reload offers nothing and Ctrl+S writes the file unchanged.
  await drafts.discard();
  await drafts.reload();
  await expect(editor.nodeName('step_1')).toHaveText('Search');
  await expect(drafts.offer).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // Apply: the draft becomes unsaved edits (one undo back to the file); saving writes it.
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').fill('Kept name');
  await drafts.reload();
  await drafts.apply();
  await expect(editor.nodeName('step_1')).toHaveText('Kept name');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  expect((await fileOf(workspaceDir, 'alpha')).steps[0]?.name).toBe('Kept name');
  await drafts.reload();
  await expect(drafts.offer).toHaveCount(0);
});

test('the dashboard lists every connector with unsaved changes; a reload lands back in the connector with its run mode and inputs', async ({ page, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  const drafts = new DraftsPage(page);
  await openEmptyWorkspace();
  const open = async (id: string) => {
    await page.getByTestId('nav-dashboard').click();
    await page.locator(`[data-testid="connector-card"][data-connector-id="${id}"] [data-testid="connector-card-name"]`).click();
    await expect(page.locator(`[data-testid="editor"][data-connector-id="${id}"]`)).toBeVisible();
  };

  // Each connector keeps its own run mode and inputs.
  await open('alpha');
  await page.getByTestId('run-mode').selectOption('mock');
  await page.getByTestId('run-input-email').fill('ada@example.com');
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').fill('Alpha edited');
  await open('beta');
  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-input-email').fill('grace@example.com');
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').fill('Beta edited');

  await page.getByTestId('nav-dashboard').click();
  await expect(drafts.dashboardList).toHaveCount(2);
  await expect(drafts.dashboardList.nth(0)).toContainText('Alpha');
  await expect(drafts.dashboardList.nth(1)).toContainText('Beta');
  await attachScreenshot(page, testInfo, 'dashboard-drafts');

  // Back in alpha, reload: still alpha, mock mode, its email.
  await open('alpha');
  await drafts.offer.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('run-mode')).toHaveValue('mock');
  await expect(page.getByTestId('run-input-email')).toHaveValue('ada@example.com');
  await drafts.reload();
  await expect(page.locator('[data-testid="editor"][data-connector-id="alpha"]')).toBeVisible();
  await expect(page.getByTestId('run-mode')).toHaveValue('mock');
  await expect(page.getByTestId('run-input-email')).toHaveValue('ada@example.com');
  await drafts.discard();
  await open('beta');
  await expect(page.getByTestId('run-mode')).toHaveValue('live');
  await expect(page.getByTestId('run-input-email')).toHaveValue('grace@example.com');
  await drafts.offer.getByRole('button', { name: 'Cancel' }).click();

  // Discarding alpha's draft from the dialog removed it from the dashboard's list; beta's is still there.
  await page.getByTestId('nav-dashboard').click();
  await expect(drafts.dashboardList).toHaveCount(1);
  await expect(drafts.dashboardList).toContainText('Beta');
  await drafts.dashboardList.getByTestId('discard-draft').click();
  await expect(drafts.dashboardList).toHaveCount(0);
});

test('a draft that is not valid yet (the name cleared mid-typing) is offered after a reload, not dropped', async ({ page, editorPage: editor, openEmptyWorkspace }) => {
  const drafts = new DraftsPage(page);
  await openEmptyWorkspace();
  await page.locator('[data-testid="connector-card"][data-connector-id="alpha"] [data-testid="connector-card-name"]').click();
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').fill('Half typed');
  await editor.clickEmptyCanvas();
  await page.getByTestId('connector-name-input').fill('');
  await page.waitForTimeout(600);
  await drafts.reload();
  await expect(drafts.offer).toBeVisible();
  await expect(drafts.offer).toContainText('Alpha has changes');
  await expect(drafts.diff).toContainText('"name": "",');
  await drafts.apply();
  await expect(editor.nodeName('step_1')).toHaveText('Half typed');
  await editor.clickEmptyCanvas();
  await expect(page.getByTestId('connector-name-input')).toHaveValue('');
  await page.getByTestId('nav-dashboard').click();
  await expect(drafts.dashboardList).toHaveCount(1);
  await expect(drafts.dashboardList).toContainText('(no name) alpha');
});
