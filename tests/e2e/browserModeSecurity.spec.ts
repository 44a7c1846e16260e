/**
 * Browser mode seen from a real browser: another local site cannot use the API (no token,
 * wrong origin), and the app's pages carry the strict CSP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.js';

let evil: Server;
let evilOrigin: string;
test.beforeAll(async () => {
  evil = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>evil</title>');
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

test('another local site cannot call the API, even after the user opened the app', async ({ app, page, shell }) => {
  await shell.open(app.url); // sets the token cookie in this browser
  await page.goto(evilOrigin);
  const results = await page.evaluate(async (target) => {
    const attempt = async (init: RequestInit) => {
      try {
        const r = await fetch(`${target}/api/settings.get`, init);
        return r.status;
      } catch {
        return 'blocked';
      }
    };
    return {
      json: await attempt({ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', credentials: 'include' }),
      simple: await attempt({ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}', credentials: 'include', mode: 'no-cors' }),
    };
  }, app.origin);
  // The preflighted request is refused (403 or blocked by CORS); the no-cors one cannot read anything and is refused server-side.
  expect(['blocked', 403]).toContain(results.json);
  expect(results.simple === 'blocked' || results.simple === 0).toBe(true);
});

test('the app is served with the strict CSP and no inline script runs', async ({ app, page }) => {
  const response = await page.goto(app.url);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("'unsafe-eval'");
  const inlineRan = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.appendChild(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(inlineRan).toBe(false);
});

test('the token travels in the URL only to load the page: API calls and the event socket carry it elsewhere', async ({ app, page, shell, chooser, workspaceDir }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(socket.url()));
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  // The event socket is open and works: an external edit shows up.
  await expect.poll(() => sockets.length).toBeGreaterThan(0);
  const withToken = [...urls, ...sockets].filter((url) => url.includes(app.token));
  expect(withToken).toEqual([app.url]);
  expect(urls.filter((url) => url.includes('/api/')).length).toBeGreaterThan(2);
  // And the address bar no longer shows it.
  expect(page.url()).not.toContain(app.token);
});
