/**
 * Undo/redo from the keyboard (Ctrl+Z, Shift+Ctrl+Z) over canvas edits (add a step, delete a
 * step) and inspector edits (rename a step, set a condition), checked on the canvas and in
 * the saved file.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConnectorDocument } from '#core';
import { attachScreenshot, expect, test } from './editorFixtures.js';

test('Ctrl+Z and Shift+Ctrl+Z undo and redo canvas and inspector edits', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  await openEmptyWorkspace();
  await page.getByTestId('new-connector-button').click();
  await expect(editor.node('step_1')).toBeVisible();
  const stepLimit = page.getByTestId('step-limit');
  await expect(stepLimit).toHaveText('1 / 5 steps');

  // Canvas edit: add a step, undo it, redo it.
  await page.getByTestId('add-step-button').click();
  await expect(editor.node('step_2')).toBeVisible();
  await expect(stepLimit).toHaveText('2 / 5 steps');
  // Nothing was selected: the new step follows the only step there was, linked (not a second start).
  await expect(editor.node('step_2').getByTestId('node-unlinked')).toHaveCount(0);
  await expect(editor.node('step_1').getByTestId('node-unlinked')).toHaveCount(0);
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect(editor.node('step_2')).toHaveCount(0);
  await expect(stepLimit).toHaveText('1 / 5 steps');
  await page.keyboard.press('Shift+Control+z');
  await expect(editor.node('step_2')).toBeVisible();
  await expect(stepLimit).toHaveText('2 / 5 steps');

  // Inspector edit: rename step_1; undo brings back the old name on the node, redo the new one.
  await editor.selectStep('step_1');
  await expect(editor.nodeName('step_1')).toHaveText('Request');
  await page.getByTestId('step-name-input').fill('Search contact');
  await expect(editor.nodeName('step_1')).toHaveText('Search contact');
  await attachScreenshot(page, testInfo, 'inspector');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect(editor.nodeName('step_1')).toHaveText('Request');
  await page.keyboard.press('Shift+Control+z');
  await expect(editor.nodeName('step_1')).toHaveText('Search contact');

  // Inspector edit in Monaco: the step's own condition, shown as a badge on the node.
  await editor.selectStep('step_1');
  await editor.typeInMonaco('step-condition-editor', '1 === 1');
  await expect(editor.node('step_1').getByTestId('node-condition')).toHaveText('if 1 === 1');
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+z');
  await expect(editor.node('step_1').getByTestId('node-condition')).toHaveCount(0);
  await page.keyboard.press('Shift+Control+z');
  await expect(editor.node('step_1').getByTestId('node-condition')).toHaveText('if 1 === 1');

  // Canvas edit: delete step_2 with the keyboard, undo restores it with its link.
  await editor.node('step_2').click();
  await page.keyboard.press('Delete');
  await expect(editor.node('step_2')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(editor.node('step_2')).toBeVisible();
  await expect(stepLimit).toHaveText('2 / 5 steps');
  await attachScreenshot(page, testInfo, 'canvas');

  // What the file holds after saving is what the canvas shows.
  await editor.clickEmptyCanvas();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  const files = (await readdir(workspaceDir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const saved = loadConnectorDocument(JSON.parse(await readFile(join(workspaceDir, files[0]!), 'utf8')));
  expect(saved.steps.map((s) => s.id)).toEqual(['step_1', 'step_2']);
  expect(saved.steps[0]?.name).toBe('Search contact');
  expect(saved.steps[0]?.condition).toBe('1 === 1');
});
