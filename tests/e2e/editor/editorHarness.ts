/**
 * Self-contained harness for the editor specs: a browser-mode host on 127.0.0.1 with its
 * own temp user-data folder and workspace, and a sandbox API server the connector calls.
 * (Swap to the shared fixtures in tests/e2e/ when they land.)
 */
import { test as base, expect, type Page } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createHostServices } from '../../../host/api/createHostServices.js';
import { startBrowserServer } from '../../../host/server/browserServer.js';

export interface Sandbox {
  url: string;
  /** Requests received, in order ("GET /search?phone=..."). */
  requests: string[];
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
  return { sandbox: { url: `http://127.0.0.1:${port}`, requests }, close: () => new Promise((r) => server.close(() => r())) };
}

export const test = base.extend<{ appUrl: string; workspaceDir: string; sandbox: Sandbox }>({
  workspaceDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-e2e-ws-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  appUrl: async ({}, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'cs-e2e-ud-'));
    const services = await createHostServices({ userDataDir, mode: 'browser' });
    const server = await startBrowserServer({ services, rendererDir: join(process.cwd(), 'dist/renderer'), port: 0 });
    await use(server.url);
    await server.close();
    await services.close();
    await rm(userDataDir, { recursive: true, force: true });
  },
  sandbox: async ({}, use) => {
    const { sandbox, close } = await startSandbox();
    await use(sandbox);
    await close();
  },
});

test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }, viewport: { width: 1600, height: 1000 } });

export { expect };

export async function openEmptyWorkspace(page: Page, appUrl: string, workspaceDir: string): Promise<void> {
  await page.goto(appUrl);
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await page.getByTestId('workspace-path-input').fill(workspaceDir);
  await page.getByTestId('workspace-open-button').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
}
