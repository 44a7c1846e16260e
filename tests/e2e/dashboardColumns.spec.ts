/**
 * The dashboard's card grid fits as many columns as its width allows, also when it first
 * mounts while the list is still loading (a reload, opening a workspace): the columns are
 * measured once the list is there, and again when the window is resized.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// renderer/dashboard/Dashboard.tsx: CARD_MIN_WIDTH.
const CARD_MIN_WIDTH = 360;

async function gridColumns(page: Page): Promise<{ columns: number; fit: number }> {
  return page.getByTestId('card-scroll').evaluate((scroll, min) => {
    const row = scroll.querySelector<HTMLElement>('.card-row');
    const columns = Number(/repeat\((\d+)/.exec(row?.style.gridTemplateColumns ?? '')?.[1] ?? 0);
    return { columns, fit: Math.max(1, Math.floor(scroll.clientWidth / min)) };
  }, CARD_MIN_WIDTH);
}

test('the card grid has the columns that fit, after a reload and after a resize', async ({ page, app, workspaceDir, shell, chooser, dashboard }) => {
  for (let i = 0; i < 12; i++) {
    const id = `lookup-${i}`;
    await writeFile(join(workspaceDir, `${id}.connector.json`), JSON.stringify({
      schemaVersion: 2, id, name: `Lookup ${i}`, category: 'enrichment', inputs: [],
      steps: [{ id: 'step_1', name: 'Step 1', url: 'https://api.example.com/items' }], edges: [],
    }));
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await expect(dashboard.cardName('lookup-0')).toBeVisible();
  await page.reload();
  await expect(dashboard.cardName('lookup-0')).toBeVisible();
  const wide = await gridColumns(page);
  expect(wide.fit).toBeGreaterThanOrEqual(4);
  expect(wide.columns).toBe(wide.fit);

  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => { const { columns, fit } = await gridColumns(page); return columns === fit && fit < wide.fit; }).toBe(true);
});
