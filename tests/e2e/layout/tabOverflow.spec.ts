/**
 * Tab rows never wrap and never scroll sideways: at 1280×720 the step inspector's tabs that do not fit
 * are in a "More ▾" menu after the row, reached and used with the keyboard alone; the tab chosen there
 * joins the row, active and focused, and the arrow keys walk every tab, bringing one from the menu onto the row. At 1920×1080 every tab fits and there is no menu.
 */
import { expect, test } from '../editor/editorFixtures.js';
import { seedScreensWorkspace } from './screenFixtures.js';

const tops = (page: import('@playwright/test').Page) => page.locator('[data-testid="step-inspector"] [role="tab"]:visible').evaluateAll((tabs) => [...new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)))]);

test('at 1280×720 the step tabs stay on one row, the rest in a keyboard-usable More menu; at 1920×1080 all fit', async ({ page, app, shell, chooser, workspaceDir, editorPage: editor }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const dir = await seedScreensWorkspace(workspaceDir);
  await shell.open(app.url);
  await chooser.open(dir);
  await page.locator('[data-connector-id="five"] [data-testid="connector-card-name"]').click();
  await editor.selectStep('search');

  const more = page.getByTestId('step-inspector').getByTestId('tabs-more');
  await expect(more).toBeVisible();
  expect(await tops(page)).toHaveLength(1);
  const inspector = page.getByTestId('inspector');
  expect(await inspector.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await expect(page.getByTestId('step-tab-mock')).toBeHidden();

  // The arrow keys still walk every tab: one in the menu comes onto the row with the focus, then goes back.
  await page.getByTestId('step-tab-query').focus();
  const order = ['headers', 'body', 'auth', 'outputs', 'mock', 'advanced', 'query'];
  for (const tab of order) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId(`step-tab-${tab}`)).toBeFocused();
    await expect(page.getByTestId(`step-tab-${tab}`)).toBeVisible();
    expect(await tops(page)).toHaveLength(1);
  }
  await expect(page.getByTestId('step-tab-mock')).toBeHidden();

  // Keyboard only: from the active tab, Tab reaches More; Enter opens it; arrows and Enter pick Mock.
  await page.getByTestId('step-tab-query').focus();
  await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  const item = page.getByTestId('step-tab-mock-more');
  await expect(item).toBeVisible();
  for (let i = 0; i < 5 && !(await item.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(item).toBeFocused();
  await page.keyboard.press('Enter');
  const mock = page.getByTestId('step-tab-mock');
  await expect(mock).toBeVisible();
  await expect(mock).toHaveAttribute('aria-selected', 'true');
  await expect(mock).toBeFocused();
  expect(await tops(page)).toHaveLength(1);
  // The arrows still walk the row, now with Mock on it.
  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-tab-query')).toBeFocused();

  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(more).toHaveCount(0);
  for (const tab of ['query', 'headers', 'body', 'auth', 'outputs', 'mock', 'advanced']) await expect(page.getByTestId(`step-tab-${tab}`)).toBeVisible();
  expect(await tops(page)).toHaveLength(1);
});
