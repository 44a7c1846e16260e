/**
 * Run with an empty required input: refused up front (nothing runs), the field is marked and
 * focused, the refusal follows the field as it is filled, and then the run goes.
 */
import { expect, test } from './editorFixtures.js';

test('Run with an empty required input points at the field instead of failing every step', async ({ page, openEmptyWorkspace }) => {
  await openEmptyWorkspace();
  await page.getByRole('button', { name: 'From a starter ▾' }).first().click();
  await page.getByRole('menuitem', { name: /Phone lookup/ }).click();
  await expect(page.getByTestId('step-node')).toHaveCount(3);
  await expect(page.getByTestId('run-mode')).toHaveValue('mock');

  const phone = page.getByTestId('run-input-phone');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-error')).toHaveText('Not run: fill in Phone first.');
  await expect(phone).toBeFocused();
  await expect(phone).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('run-status')).toHaveCount(0);

  // Typing keeps the focus in the field being typed in, while the refusal follows.
  await phone.pressSequentially('+1555');
  await expect(phone).toBeFocused();
  await phone.fill('+15550100');
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success');
  await expect(page.getByTestId('run-status-previous')).toHaveCount(0);

  // Refused again: the status left beside the refusal is said to be the previous run's.
  await phone.fill('');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('run-error')).toHaveText('Not run: fill in Phone first.');
  await expect(page.getByTestId('run-status-previous')).toHaveText('Last run:');
  await expect(page.getByTestId('run-status')).toHaveText('success');
});
