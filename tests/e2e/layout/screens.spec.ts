/**
 * Screenshots of the dashboard, the editor with a 5-step graph, the marketplace and the settings at
 * 1280×720 and 1920×1080, light and dark, compared with the committed baselines
 * (tests/e2e/__screenshots__/…; regenerate with `npm run test:screenshots:update` after a deliberate
 * UI change). On every one of those screens no visible control is clipped or overlaps another
 * (tests/e2e/layout/layoutProblems.ts).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../editor/editorFixtures.js';
import { layoutProblems } from './layoutProblems.js';
import { seedScreensWorkspace } from './screenFixtures.js';

const SIZES = [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }] as const;
const THEMES = ['light', 'dark'] as const;

/** Screenshot options: animations stopped and the caret hidden (Playwright's defaults, stated), 1% tolerance. */
const SHOT = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01, fullPage: false } as const;

async function settle(page: Page): Promise<void> {
  // Move the pointer away so no hover state or tooltip is in the picture; drop focus rings.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => document.fonts.ready);
}

for (const size of SIZES) {
  for (const theme of THEMES) {
    const tag = `${size.width}x${size.height}-${theme}`;
    test.describe(tag, () => {
      test.use({ viewport: size, colorScheme: theme });

      test(`dashboard, editor, marketplace and settings at ${tag} match their baselines and clip nothing`, async ({ page, app, shell, chooser, workspaceDir }) => {
        test.setTimeout(180_000);
        const dir = await seedScreensWorkspace(workspaceDir);
        const problems: Record<string, string[]> = {};
        await shell.open(app.url);
        await chooser.open(dir);
        await expect(page.getByTestId('connector-card')).toHaveCount(3);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        await settle(page);
        await expect(page).toHaveScreenshot(`dashboard-${tag}.png`, SHOT);
        problems.dashboard = await layoutProblems(page);

        await page.locator('[data-connector-id="five"] [data-testid="connector-card-name"]').click();
        await expect(page.getByTestId('step-node')).toHaveCount(5);
        await settle(page);
        await expect(page).toHaveScreenshot(`editor-${tag}.png`, SHOT);
        problems.editor = await layoutProblems(page);
        // A step's inspector with a query row whose value is a user input, the widest choice of its source select.
        await page.locator('[data-testid="step-node"][data-step-id="search"]').click();
        await page.getByTestId('step-tab-query').click();
        await page.getByRole('button', { name: '+ Add query parameter' }).click();
        await page.getByRole('combobox', { name: 'query parameter value source' }).selectOption('input');
        problems.stepInspector = await layoutProblems(page);
        await page.keyboard.press('ControlOrMeta+Z');

        await page.getByTestId('nav-marketplace').click();
        await expect(page.getByTestId('template-card').first()).toBeVisible();
        await settle(page);
        await expect(page).toHaveScreenshot(`marketplace-${tag}.png`, SHOT);
        problems.marketplace = await layoutProblems(page);

        await page.getByTestId('nav-settings').click();
        await expect(page.getByTestId('settings-screen')).toBeVisible();
        await settle(page);
        await expect(page).toHaveScreenshot(`settings-${tag}.png`, SHOT);
        problems.settings = await layoutProblems(page);

        expect(problems).toEqual({ dashboard: [], editor: [], stepInspector: [], marketplace: [], settings: [] });
      });
    });
  }
}
