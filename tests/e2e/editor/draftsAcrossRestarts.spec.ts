/**
 * Browser mode started again (as `npm run web` does, without --port) comes back on the same
 * address: the browser keeps drafts and the screen the user left per origin, so an unsaved edit
 * survives a restart of the app, and the app's code comes from the browser's cache.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBrowserMode } from '../browserMode.js';
import { DraftsPage } from '../pages/draftsPage.js';
import { attachScreenshot, expect, test } from './editorFixtures.js';

test.describe.configure({ timeout: 120_000 });

test('an unsaved edit is offered again after browser mode restarts, and the code is not fetched again', async ({ page, userDataDir, workspaceDir, rendererDir, editorPage: editor }, testInfo) => {
  const connector = { schemaVersion: 2, id: 'alpha', name: 'Alpha', inputs: [], steps: [{ id: 'step_1', name: 'Search', method: 'GET', url: 'https://api.example.com/search', position: { x: 300, y: 0 } }] };
  await writeFile(join(workspaceDir, 'alpha.connector.json'), `${JSON.stringify(connector, null, 2)}\n`);
  const launch = () => startBrowserMode({ userDataDir, workspaceDir, rendererDir, port: 'kept' });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const first = await launch();
  try {
    await page.goto(first.url);
    await page.locator('[data-testid="connector-card"][data-connector-id="alpha"] [data-testid="connector-card-name"]').click();
    await editor.selectStep('step_1');
    await page.getByTestId('step-name-input').fill('Draft name');
    await expect(editor.nodeName('step_1')).toHaveText('Draft name');
    // The autosave of the draft is debounced.
    await page.waitForTimeout(800);
  } finally {
    await first.stop();
  }

  const second = await launch();
  try {
    expect(second.port).toBe(first.port);
    const accept = (dialog: import('@playwright/test').Dialog) => void dialog.accept();
    page.once('dialog', accept);
    await page.goto(second.url);
    page.off('dialog', accept);
    const drafts = new DraftsPage(page);
    await expect(drafts.offer).toBeVisible();
    await expect(drafts.diff).toContainText('Draft name');
    // Enter right away must not throw the work away: the focus is on Apply, not on Discard.
    await expect(page.getByTestId('draft-apply')).toBeFocused();
    await attachScreenshot(page, testInfo, 'draft-after-restart');
    // The diff folds unchanged lines, whose breadcrumbs need Monaco's outline service (loadMonaco.ts).
    expect(pageErrors).toEqual([]);
    // Hashed chunks came from the browser's cache (nothing transferred), the page itself did not.
    const transferred = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/assets\/mountApp-[\w-]{8}\.js$/.test(e.name)).map((e) => (e as PerformanceResourceTiming).transferSize));
    expect(transferred).toEqual([0]);
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).transferSize)).toBeGreaterThan(0);
  } finally {
    await second.stop();
  }
});
