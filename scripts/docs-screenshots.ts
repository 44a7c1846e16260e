/**
 * `npm run docs:screenshots`: the screenshots in docs/ taken from the real app (browser mode,
 * Debian's Chromium), so they never go stale. Needs a build (`npm run build`; the npm script does it).
 * Each shot is a named step below; docs/images/<name>.png is overwritten.
 */
import { chromium, type Page } from '@playwright/test';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserMode } from '../tests/e2e/browserMode.js';

const root = fileURLToPath(new URL('..', import.meta.url));
// DOCS_SCREENSHOTS_DIR: write elsewhere (the e2e spec that proves this script works).
const outDir = process.env.DOCS_SCREENSHOTS_DIR ?? join(root, 'docs/images');
const viewport = { width: 1280, height: 720 };

async function shot(page: Page, name: string): Promise<void> {
  // Let transitions and lazy chunks (Monaco) settle before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(outDir, `${name}.png`) });
  console.log(join(outDir, `${name}.png`));
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const workspaceDir = await mkdtemp(join(tmpdir(), 'cs-docs-workspace-'));
  const userDataDir = await mkdtemp(join(tmpdir(), 'cs-docs-userdata-'));
  // The examples the docs talk about: two built-in templates with their mocks and cassettes.
  for (const slug of ['phone-number-enrichment', 'contact-360-enrichment']) {
    await cp(join(root, 'resources/templates', `${slug}.connector.json`), join(workspaceDir, `${slug}.connector.json`));
    await cp(join(root, 'resources/templates', `${slug}.cassettes`), join(workspaceDir, `${slug}.cassettes`), { recursive: true });
  }
  const app = await startBrowserMode({ userDataDir, workspaceDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport, colorScheme: 'light' });
    await page.goto(app.url);
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('connector-card').first().waitFor();
    await shot(page, 'dashboard');

    await page.getByTestId('new-connector-button').click();
    await page.getByTestId('editor').waitFor();
    await page.getByTestId('step-node').first().click();
    await page.getByTestId('step-inspector').waitFor();
    await shot(page, 'new-connector');

    // The example's credentials (made-up values: mock runs send nothing anywhere).
    await page.getByTestId('nav-credentials').click();
    for (const name of ['trestle_api_key', 'zerobounce_api_key', 'clearbit_api_key']) {
      await page.getByTestId('credential-name-input').fill(name);
      await page.getByTestId('credential-value-input').fill(`docs-example-${name}`);
      await page.getByTestId('credential-save-button').click();
      await page.locator(`[data-testid="credential-row"][data-credential-name="${name}"]`).waitFor();
    }
    await shot(page, 'credentials');

    await page.getByTestId('nav-dashboard').click();
    await page.locator('[data-testid="connector-card"][data-connector-id="official-contact-360-enrichment"]').getByTestId('connector-card-name').click();
    await page.getByTestId('canvas').waitFor();
    await shot(page, 'editor-parallel');

    await page.getByTestId('run-mode').selectOption('mock');
    await page.getByTestId('run-input-phone').fill('+15551234567');
    await page.getByTestId('run-input-email').fill('ada@acme.example');
    await page.getByTestId('run-input-domain').fill('acme.example');
    await page.getByTestId('run-button').click();
    await page.getByTestId('run-status').filter({ hasText: /success|failed|timeout/ }).waitFor();
    await shot(page, 'run-results');
    await page.getByTestId('panel-tab-timeline').click();
    await shot(page, 'run-timeline');

    await page.getByTestId('nav-marketplace').click();
    await page.getByTestId('template-card').first().waitFor();
    await shot(page, 'marketplace');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-screen').waitFor();
    await shot(page, 'settings');
  } finally {
    await browser.close();
    await app.stop();
    await rm(workspaceDir, { recursive: true, force: true });
    await rm(userDataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
