/** The JSON body editor underlines what strict JSON refuses, and keeps the last valid body. */
import { expect, test } from './editorFixtures.js';

test('the JSON body editor flags a comment (requests carry strict JSON) and keeps the last valid body', async ({ page, editorPage: editor, openEmptyWorkspace }) => {
  await openEmptyWorkspace();
  await page.getByTestId('new-connector-button').click();
  await editor.selectStep('step_1');
  await editor.openStepTab('body');
  await page.getByRole('combobox', { name: 'Body', exact: true }).selectOption('json');
  await editor.typeInMonaco('body-editor', '{"email": "ada@example.com" /* note */}');
  // Monaco's JSON diagnostics (allowComments: false; Monaco's default allows them) draw an error squiggle.
  await expect(page.getByTestId('body-editor').locator('.squiggly-error').first()).toBeVisible();
  await expect(page.getByText('Not valid JSON yet')).toBeVisible();
});

test('the JSON body editor has the code editor keys its shortcut list names: {{ variables, Shift+Alt+F, Ctrl+F', async ({ page, editorPage: editor, openEmptyWorkspace }) => {
  await openEmptyWorkspace();
  await page.getByRole('button', { name: 'From a starter ▾' }).first().click();
  await page.getByRole('menuitem', { name: /Phone lookup/ }).click();
  await editor.selectStep('details');
  await editor.openStepTab('body');
  await page.getByRole('combobox', { name: 'Body', exact: true }).selectOption('json');
  const body = page.getByTestId('body-editor');
  // {{ inside a string lists what this step may use; Enter takes it.
  await editor.typeInMonaco('body-editor', '{"id":"');
  await page.keyboard.type('{{search.', { delay: 10 });
  const suggestions = page.locator('.suggest-widget.visible');
  await expect(suggestions).toContainText('search.contactId');
  await page.keyboard.press('Enter');
  await page.keyboard.type('","source":"app"}', { delay: 10 });
  await page.keyboard.press('Escape');
  await expect(body).toContainText('{"id":"{{search.contactId}}","source":"app"}');

  // Shift+Alt+F formats the body onto one line per field.
  await page.keyboard.press('Shift+Alt+F');
  await expect(body.locator('.view-line')).toHaveCount(4);
  await expect(body.locator('.view-line').nth(1)).toContainText('"id": "{{search.contactId}}",');

  // Ctrl+F opens the find widget in the body.
  await page.keyboard.press('ControlOrMeta+F');
  await expect(body.locator('.find-widget.visible')).toBeVisible();
  await page.keyboard.type('source');
  await expect(body.locator('.find-widget .matchesCount')).toHaveText('1 of 1');
  await page.keyboard.press('Escape');
  await expect(body.locator('.find-widget.visible')).toHaveCount(0);
});
