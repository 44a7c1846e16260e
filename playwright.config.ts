/**
 * End-to-end tests against browser mode in Debian's Chromium (never a downloaded browser).
 * tests/e2e/globalSetup.ts builds once; each test starts its own browser-mode server with
 * its own temp workspace and user-data folder (tests/e2e/fixtures.ts).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  // Overridable so two runs on one machine do not share artifacts.
  outputDir: process.env.E2E_OUTPUT_DIR ?? './test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Screenshot baselines (tests/e2e/layout/screens.spec.ts) are committed per spec, without a platform
  // suffix: they are taken in Debian's Chromium with the fonts .ci/run installs, the machine CI uses.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  fullyParallel: false,
  // The CI machine has few cores; specs are independent, so more workers only need more CPU.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  // One retry on CI, as Playwright advises for a loaded shared machine; a test that needed it is
  // reported as flaky by name in the summary (scripts/test.mjs), so it is seen and fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
