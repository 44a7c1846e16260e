/**
 * axe-core on every screen (workspace chooser, dashboard, editor with a 5-step graph and a
 * selected step, marketplace, settings, credentials): no serious or critical violations.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../editor/editorFixtures.js';

const FIVE_STEPS = {
  schemaVersion: 2, id: 'five', name: 'Enrich a contact from a phone number',
  inputs: [{ name: 'phone', type: 'phone', required: true }],
  steps: [
    { id: 'search', name: 'Search contact', url: 'https://api.example.com/contacts/search?phone={{phone}}', position: { x: 300, y: 0 }, outputs: [{ name: 'contactId', path: '$.results[0].id' }] },
    { id: 'details', name: 'Contact details', url: 'https://api.example.com/contacts/{{search.contactId}}', position: { x: 600, y: -120 } },
    { id: 'company', name: 'Company', url: 'https://api.example.com/companies/1', position: { x: 600, y: 120 } },
    { id: 'verify', name: 'Verify email', method: 'POST', url: 'https://verify.example.com/check', position: { x: 900, y: -120 } },
    { id: 'score', name: 'Lead score', url: 'https://score.example.com/score', position: { x: 900, y: 120 } },
  ],
  edges: [
    { id: 'e1', source: 'search', target: 'details' },
    { id: 'e2', source: 'search', target: 'company', condition: '{{search.contactId}} !== null' },
    { id: 'e3', source: 'details', target: 'verify' },
    { id: 'e4', source: 'company', target: 'score' },
  ],
};

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('no serious or critical axe violations on any screen', async ({ page, app, shell, chooser, workspaceDir }) => {
  test.setTimeout(300_000); // axe over Monaco and React Flow is slow on a shared 2-core machine
  await writeFile(join(workspaceDir, 'five.connector.json'), `${JSON.stringify(FIVE_STEPS, null, 2)}\n`);
  const found: Record<string, string[]> = {};
  await shell.open(app.url);
  found.workspace = await seriousViolations(page);
  await chooser.open(workspaceDir);
  await expect(page.getByTestId('connector-card')).toHaveCount(1);
  found.dashboard = await seriousViolations(page);
  await page.getByTestId('connector-card-name').click();
  await expect(page.getByTestId('step-node')).toHaveCount(5);
  found.editor = await seriousViolations(page);
  await page.locator('[data-testid="step-node"][data-step-id="search"]').click();
  await expect(page.getByTestId('step-inspector')).toBeVisible();
  found['editor with a step selected'] = await seriousViolations(page);
  // At 1280×720 the step tabs overflow into More ▾: the row and the open menu are checked too.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('step-inspector').getByTestId('tabs-more').click();
  await expect(page.getByTestId('step-tab-outputs-more')).toBeVisible();
  found['step tabs with More open at 1280×720'] = await seriousViolations(page);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('nav-marketplace').click();
  await page.waitForTimeout(500);
  found.marketplace = await seriousViolations(page);
  await page.getByTestId('nav-settings').click();
  await page.waitForTimeout(300);
  found.settings = await seriousViolations(page);
  await page.getByTestId('nav-credentials').click();
  await page.waitForTimeout(300);
  found.credentials = await seriousViolations(page);
  expect(found).toEqual({ workspace: [], dashboard: [], editor: [], 'editor with a step selected': [], 'step tabs with More open at 1280×720': [], marketplace: [], settings: [], credentials: [] });
});
