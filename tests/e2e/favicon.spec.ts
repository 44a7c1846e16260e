/**
 * Browser mode's page loads cleanly: the app icon is served (no /favicon.ico 404), and no
 * request fails and nothing is logged as an error while the app starts.
 */
import { expect, test } from './fixtures.js';

test('the app page shows its icon and loads without a failed request or console error', async ({ app, page, shell }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
  });

  await shell.open(app.url);
  const iconHref = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(iconHref).toBeTruthy();
  const icon = await page.request.get(new URL(iconHref as string, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/png');
  // A PNG starts with its 8-byte signature: this is the real icon, not index.html served for an unknown path.
  expect([...(await icon.body()).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // The browser fetches the icon itself after load; give it that moment before checking.
  await page.waitForLoadState('networkidle');
  expect(problems).toEqual([]);
});
