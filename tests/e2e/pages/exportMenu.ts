/** The "Export ▾" menu button (renderer/app/ExportMenu.tsx): opens it and picks a format, as a user does. */
import { expect, type Locator } from '@playwright/test';

export async function chooseExport(button: Locator, format: 'app' | 'interchange'): Promise<void> {
  await button.click();
  const testId = await button.getAttribute('data-testid');
  const item = button.page().getByTestId(`${testId}-${format}`);
  await expect(item).toBeVisible();
  await item.click();
}
