/**
 * Issue 14 §3 end to end in browser mode: the app signed in to the local gateway on a real
 * PostgreSQL, a real worker process (`npm run worker`'s entry) on the same database, and a
 * local API on 127.0.0.1 (let through the address guard by CONNECTOR_STUDIO_ALLOW_ADDRESSES).
 * "Run on server" queues the synced connector; the run bar and History follow it live
 * (queued → running → success); a failed run shows its error and step counts, and Retry
 * queues it again, which then succeeds. The dashboard card shows the week's figures from
 * connector_metrics, and a SaaS admin sees the metrics across workspaces in Settings.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnWorker, type WorkerProcess } from '../../../server/test-helpers/workerProcess.js';
import { createUser, createWorkspace, makeSaasAdmin, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { SettingsPage } from '../pages/settingsPage.js';
import { SyncPanelPage } from './syncPanelPage.js';

test.skip(!process.env.DATABASE_URL, 'server runs need a real PostgreSQL (DATABASE_URL): the worker is another process');

let supa: LocalSupabase;
let worker: WorkerProcess;
let api: Server;
let apiBase: string;
let alice: TestUser;
let workspaceName: string;
/** The API answers 500 while this is on: the failing run, then fixed before the retry. */
let failing = false;
let requests = 0;

test.beforeAll(async () => {
  api = createServer((req, res) => {
    requests += 1;
    // Slow enough that the app sees the run "running" before it is done.
    setTimeout(() => {
      res.writeHead(failing ? 500 : 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(failing ? { error: 'upstream down' } : { name: 'Acme Inc', url: req.url }));
    }, 1200);
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  alice = await createUser(supa.db, `alice-${tag}@example.com`, 'alice-password');
  workspaceName = `Server team ${tag}`;
  await createWorkspace(supa.db, workspaceName, alice.id);
  await createWorkspace(supa.db, `Empty ${tag}`, (await createUser(supa.db, `eve-${tag}@example.com`, 'eve-password')).id);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${supa.db.name}`;
  worker = await spawnWorker(url.toString(), { WORKER_CONCURRENCY: '2' });
});
test.afterAll(async () => {
  await worker?.stop();
  await supa?.close();
  await new Promise((resolve) => api?.close(resolve));
});

test('Run on server, follow it live in History, retry a failed run; the card and the admin metrics count it', async ({ page, app, workspaceDir, shell, chooser, dashboard }) => {
  test.setTimeout(150_000);
  const connector = {
    schemaVersion: 2,
    id: 'company_lookup',
    name: 'Company lookup',
    inputs: [{ name: 'email', type: 'string', required: true }],
    steps: [
      { id: 'find', name: 'Find', url: `${apiBase}/find?email={{email}}`, outputs: [{ name: 'name', path: '$.name' }] },
      { id: 'details', name: 'Details', url: `${apiBase}/details?company={{find.name}}`, outputs: [{ name: 'name', path: '$.name' }] },
    ],
    edges: [{ id: 'e1', source: 'find', target: 'details' }],
    fieldMappings: [{ source: 'details.name', target: 'company' }],
  };
  await writeFile(join(workspaceDir, 'company-lookup.connector.json'), JSON.stringify(connector, null, 2));
  const sync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, alice, workspaceName);
  await expect(sync.indicator).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });

  await dashboard.openConnector('company_lookup');
  await page.getByTestId('run-input-email').fill('ada@example.com');
  const runOnServer = page.getByTestId('run-on-server-button');
  await expect(runOnServer).toBeEnabled({ timeout: 15_000 });
  await runOnServer.click();

  // The run bar follows the run the worker executes: queued or running, then success.
  const status = page.getByTestId('server-run-status');
  await expect(status).toHaveAttribute('data-status', /queued|running/);
  await expect(status).toHaveAttribute('data-status', 'success', { timeout: 30_000 });
  await expect(status).toContainText(/success in \d/);
  expect(requests).toBe(2);

  // History lists it beside the local runs, then follows a failing one live.
  await page.getByTestId('panel-tab-history').click();
  const rows = page.getByTestId('server-run-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'success');
  await expect(rows.first().getByTestId('server-run-steps')).toHaveText('2/0/0');

  failing = true;
  await runOnServer.click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  await expect(rows.first()).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(rows.first().getByTestId('server-run-error-cell')).toContainText(/Find \(find\) failed: GET .* answered 500/);
  await expect(rows.first().getByTestId('server-run-steps')).toHaveText('0/1/1');

  // Retry queues the same inputs again; with the API fixed, it succeeds.
  failing = false;
  const failedId = await rows.first().getAttribute('data-run-id');
  await rows.first().getByTestId('server-run-retry').click();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toHaveAttribute('data-status', 'success', { timeout: 30_000 });
  await expect(rows.first()).toContainText('(retry)');
  const [retried] = (await supa.db.query<{ retry_of: string; inputs: unknown }>(`select retry_of, inputs from connector_run_requests order by created_at desc limit 1`)).rows;
  expect(retried).toEqual({ retry_of: failedId, inputs: { email: 'ada@example.com' } });
  // One execution row per run, all recorded by the worker.
  const { rows: executions } = await supa.db.query<{ status: string; source: string }>(`select status, source from connector_executions order by created_at`);
  expect(executions).toEqual([{ status: 'success', source: 'server' }, { status: 'failed', source: 'server' }, { status: 'success', source: 'server' }]);
  expect(worker.output()).toContain('"run recorded"');

  // The card's figures from connector_metrics: 3 runs this week, all on the server, 1 failed.
  await page.getByRole('button', { name: 'Back to connectors' }).click();
  // Cards re-read the workspace's figures when a sync finishes (as the team-stats spec does).
  await sync.open();
  await sync.syncNow();
  await sync.close();
  const week = dashboard.card('company_lookup').getByTestId('card-week');
  await expect(week).toBeVisible({ timeout: 20_000 });
  await expect(week.getByTestId('card-week-runs')).toHaveText('3 runs');
  await expect(week).toContainText('(3 on server)');
  await expect(week.getByTestId('card-week-failed')).toHaveText('33% failed');

  // Admin metrics: nothing for a member; a SaaS admin sees adoption across workspaces.
  const settings = new SettingsPage(page);
  await settings.open();
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('admin-metrics')).toHaveCount(0);
  await makeSaasAdmin(supa.db, alice.id);
  await shell.goToDashboard();
  await settings.open();
  const admin = page.getByTestId('admin-metrics');
  await expect(admin).toBeVisible({ timeout: 15_000 });
  await expect(admin.getByTestId('admin-adoption')).toContainText('50%'); // 1 of 2 workspaces has a connector
  await expect(admin.getByTestId('admin-executions')).toContainText('3');
  await expect(admin.getByTestId('admin-failure-rate')).toHaveText('33%');
  await expect(admin.getByTestId('admin-workspace-row')).toHaveCount(2);
});
