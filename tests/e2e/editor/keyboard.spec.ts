/** Keyboard: Ctrl+S saves, Delete removes the selected node, Ctrl+Enter runs. */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConnectorDocument } from '#core';
import { attachScreenshot, expect, test } from './editorFixtures.js';

test('Ctrl+S saves, Delete removes the selected node, Ctrl+Enter runs', async ({ page, workspaceDir, sandbox, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await page.getByTestId('new-connector-button').click();
  await page.getByTestId('connector-name-input').fill('Keyboard only');
  await editor.selectStep('step_1');
  // A lone step is not "not linked": it is the one that runs.
  await expect(page.getByTestId('step-not-linked')).toContainText('The only step: it runs first');
  await editor.setUrl(`${sandbox.url}/search?phone=1`);
  await editor.dragNewStepFrom('step_1', 280, 0);
  await expect(editor.node('step_2')).toBeVisible();
  await expect(page.getByTestId('step-limit')).toHaveText('2 / 5 steps');

  // Ctrl+S while typing in a field saves too.
  await editor.selectStep('step_1');
  await page.getByTestId('step-name-input').click();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const files = (await readdir(workspaceDir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const read = async () => loadConnectorDocument(JSON.parse(await readFile(join(workspaceDir, files[0]!), 'utf8')));
  expect((await read()).steps.map((s) => s.id)).toEqual(['step_1', 'step_2']);

  // Delete removes the selected node (and its link); Ctrl+S writes that.
  await editor.node('step_2').click();
  await page.keyboard.press('Delete');
  await expect(editor.node('step_2')).toHaveCount(0);
  await expect(page.getByTestId('step-limit')).toHaveText('1 / 5 steps');
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const saved = await read();
  expect(saved.steps.map((s) => s.id)).toEqual(['step_1']);
  expect(saved.edges).toEqual([]);

  // Ctrl+Enter runs the connector live against the sandbox.
  await page.getByTestId('run-mode').selectOption('live');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
  await expect(editor.node('step_1')).toHaveAttribute('data-status', 'success');
  expect(sandbox.requests).toEqual(['GET /search?phone=1']);
  await expect(page.getByTestId('step-result').first()).toBeVisible();
  await attachScreenshot(page, testInfo, 'run-results');
});
