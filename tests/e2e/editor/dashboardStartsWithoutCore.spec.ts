/**
 * The dashboard starts without zod and core's schemas (renderer/services/draftStorage.ts,
 * starters.ts, savableProblem.ts): the chunks index.html loads at start-up carry none of them,
 * while opening a connector loads them. Creating a connector, a starter and the drafts list, the
 * dashboard actions that need core, load it when they are used and still work.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './editorFixtures.js';

/** zod keeps this name in the minified build: a chunk that has it carries zod's classes. */
const ZOD_MARKER = '$ZodError';

test('the dashboard loads no zod at start-up; opening a connector, a starter and the drafts list bring it when needed', async ({ page, workspaceDir, openEmptyWorkspace }) => {
  await writeFile(join(workspaceDir, 'simple.connector.json'), `${JSON.stringify({ schemaVersion: 2, id: 'simple', name: 'Simple', steps: [{ id: 'step_1', name: 'Search', url: 'https://api.example.com/s', position: { x: 300, y: 0 } }] }, null, 2)}\n`);
  const scripts = new Map<string, string>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') void response.text().then((body) => scripts.set(response.url(), body), () => undefined);
  });
  await openEmptyWorkspace();
  await expect(page.locator('[data-testid="connector-card"][data-connector-id="simple"]')).toBeVisible();

  const html = await (await page.request.get(page.url())).text();
  const startup = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => new URL(m[1]!, page.url()).href);
  expect(startup.length).toBeGreaterThan(2);
  for (const url of startup) {
    const body = await (await page.request.get(url)).text();
    expect(body.includes(ZOD_MARKER), `${url} is loaded at start-up and carries zod`).toBe(false);
  }

  // The control: the editor's chunks do carry it, so the check above can fail.
  await page.locator('[data-testid="connector-card"][data-connector-id="simple"] [data-testid="connector-card-name"]').click();
  await expect(page.locator('[data-testid="step-node"]')).toHaveCount(1);
  await expect.poll(() => [...scripts.values()].some((body) => body.includes(ZOD_MARKER))).toBe(true);

  // A starter is built by core's schema, loaded on the click; its draft is then listed on the dashboard.
  await page.getByRole('button', { name: 'Back to connectors' }).click();
  await page.getByRole('button', { name: 'From a starter ▾' }).click();
  await page.getByRole('menuitem', { name: /Email verification/ }).click();
  await expect(page.getByTestId('editor')).toHaveAttribute('aria-label', 'Editing Email verification');
  await expect(page.getByTestId('step-node')).toHaveCount(1);
  await page.getByRole('button', { name: 'Back to connectors' }).click();
  await expect(page.getByTestId('unsaved-draft')).toContainText('Email verification');
  await expect(page.getByTestId('unsaved-draft')).toContainText('never saved');
});
