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
