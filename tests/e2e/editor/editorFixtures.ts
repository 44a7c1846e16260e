/**
 * The editor specs' fixtures, on top of the shared ones (tests/e2e/fixtures.ts: a temp
 * workspace and user-data folder and the real browser-mode entry per test). Adds:
 * - a private snapshot of dist/renderer per worker: dist/ is shared with other builds, and a
 *   rebuild mid-test would 404 a reload (hashed asset names change);
 * - a sandbox API server on 127.0.0.1 for live runs;
 * - the editor page object and a "start in an empty workspace" helper.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as shared } from '../fixtures.js';
import { startBrowserMode } from '../browserMode.js';
import { EditorPage } from '../pages/editorPage.js';

export interface Sandbox {
  url: string;
  /** Requests received, in order ("GET /search?phone=..."). */
  requests: string[];
}

const builtRenderer = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

/** True when every asset index.html references is in `dir` (a copy taken mid-rebuild is not). */
async function isComplete(dir: string): Promise<boolean> {
  try {
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    const assets = new Set(await readdir(join(dir, 'assets')));
    const referenced = [...html.matchAll(/\/?assets\/([^"'?#]+)/g)].map((m) => m[1]!);
    return referenced.length > 0 && referenced.every((name) => assets.has(name));
  } catch {
    return false;
  }
}

async function snapshotRenderer(): Promise<string> {
  for (let attempt = 1; attempt <= 10; attempt++) {
    const dir = await mkdtemp(join(tmpdir(), 'cs-e2e-renderer-'));
    await cp(builtRenderer, dir, { recursive: true }).catch(() => undefined);
    if (await isComplete(dir)) return dir;
    await rm(dir, { recursive: true, force: true });
    // Someone is rebuilding dist/renderer right now; wait for it to settle.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`dist/renderer stayed incomplete (is a build failing?). Run \`npm run build\` and try again.`);
}

/** A small CRM-like API: search by phone, contact details, verification, company. */
async function startSandbox(): Promise<{ sandbox: Sandbox; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const url = new URL(req.url ?? '/', 'http://x');
    const reply = (body: unknown, delayMs = 0) => setTimeout(() => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }, delayMs);
    if (url.pathname === '/search') reply({ count: 1, results: [{ id: 'c-42', phone: url.searchParams.get('phone') }] }, 20);
    else if (url.pathname === '/contacts/c-42') reply({ first_name: 'Ada', last_name: 'Lovelace', companyId: null }, 300);
    else if (url.pathname === '/verify') reply({ valid: true }, 300);
    else if (url.pathname.startsWith('/companies/')) reply({ name: 'Analytical Engines' });
    else { res.writeHead(404, { 'content-type': 'application/json' }); res.end('{"error":"not found"}'); }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    sandbox: { url: `http://127.0.0.1:${port}`, requests },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const test = shared.extend<{ sandbox: Sandbox; editorPage: EditorPage; openEmptyWorkspace: () => Promise<void> }, { rendererDir: string }>({
  rendererDir: [async ({}, use) => {
    const dir = await snapshotRenderer();
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  }, { scope: 'worker' }],
  // The shared app fixture, served from the private renderer snapshot.
  app: async ({ userDataDir, rendererDir }, use) => {
    const app = await startBrowserMode({ userDataDir, rendererDir });
    await use(app);
    await app.stop();
  },
  sandbox: async ({}, use) => {
    const { sandbox, close } = await startSandbox();
    await use(sandbox);
    await close();
  },
  editorPage: async ({ page }, use) => use(new EditorPage(page)),
  openEmptyWorkspace: async ({ app, shell, chooser, workspaceDir }, use) => {
    await use(async () => {
      await shell.open(app.url);
      await chooser.open(workspaceDir);
    });
  },
});

test.use({ viewport: { width: 1600, height: 1000 } });

export { expect };
export { readAllFiles } from '../fixtures.js';

/** A screenshot attached to the test's report (kept as an artifact whether it passes or not). */
export async function attachScreenshot(page: import('@playwright/test').Page, testInfo: import('@playwright/test').TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}
