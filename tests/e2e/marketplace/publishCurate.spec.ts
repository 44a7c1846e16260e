/**
 * Issue 6 with a Supabase project (the local gateway on PGlite, or PostgreSQL with
 * DATABASE_URL), in browser mode: a signed-in user publishes a connector as a community
 * template after reviewing the check's preview and finds it listed; as a non-admin they
 * see no admin controls and a hand-crafted feature request is refused (through the app's
 * host API and straight to Supabase); another non-admin reports it from the detail view (once:
 * a second report is refused); signed in as an admin, they see the report and feature it.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createUser, createWorkspace, makeSaasAdmin, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { hostCallFromPage } from '../pages/hostCallFromPage.js';
import { SyncPanelPage } from '../sync/syncPanelPage.js';
import { MarketplacePage } from './marketplacePage.js';

const KEY = 'trestle-e2e-key-0f1e2d3c4b5a69788796';

let supa: LocalSupabase;
let alice: TestUser;
let boss: TestUser;
let carol: TestUser;
let aliceWorkspace: string;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  alice = await createUser(supa.db, `alice-${tag}@example.com`, 'alice-password');
  boss = await createUser(supa.db, `boss-${tag}@example.com`, 'boss-password');
  carol = await createUser(supa.db, `carol-${tag}@example.com`, 'carol-password');
  await makeSaasAdmin(supa.db, boss.id);
  aliceWorkspace = `Alice team ${tag}`;
  await createWorkspace(supa.db, aliceWorkspace, alice.id);
});
test.afterAll(async () => {
  await supa?.close();
});

const templateRow = async (name: string) =>
  (await supa.db.query<{ id: string; is_featured: boolean; is_official: boolean; description: string; config: Record<string, unknown> }>(
    `select id, is_featured, is_official, description, config from connector_templates where name = $1`, [name])).rows;

test('publish a community template, find it listed, fail to feature it as a non-admin, feature it as an admin', async ({ page, app, workspaceDir, shell, chooser }) => {
  const sync = new SyncPanelPage(page);
  const market = new MarketplacePage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, alice, aliceWorkspace);

  // A connector to publish: the phone template installed with alice's own key.
  await market.open();
  await market.openTemplate('Phone Number Enrichment');
  await market.install({ trestle_api_key: KEY });
  await expect(page.getByTestId('run-mode')).toBeVisible();
  const openConnectorId = await page.getByTestId('editor').getAttribute('data-connector-id');
  await market.open();
  await expect(page.getByTestId('admin-badge')).toHaveCount(0);

  // Coming from the editor, the publish dialog starts with that connector and its own listing.
  await page.getByTestId('publish-open').click();
  await expect(page.getByTestId('publish-connector')).toHaveValue(openConnectorId!);
  await expect(page.getByTestId('publish-title')).toHaveValue('Phone Number Enrichment');
  await expect(page.getByTestId('publish-category')).toHaveValue('enrichment');
  await expect(page.getByTestId('publish-icon')).toHaveValue('📞');
  await expect(page.getByTestId('publish-credential-slots')).toContainText('trestle_api_key');
  await page.keyboard.press('Escape');

  const dialog = await market.previewPublish('Phone Number Enrichment');
  await expect(dialog.getByTestId('publish-check-ok')).toBeVisible();
  await dialog.getByTestId('publish-description').fill('Who owns a phone number: name, address, line type.');
  await expect(dialog.getByTestId('publish-json')).toContainText('{{credentials.trestle_api_key}}');
  await expect(dialog.getByTestId('publish-json')).not.toContainText(KEY);
  await expect(dialog.getByTestId('publish-official')).toHaveCount(0);
  await dialog.getByTestId('publish-confirm').click();
  await expect(dialog).toBeHidden();

  const [published] = await templateRow('Phone Number Enrichment');
  expect(published).toMatchObject({ is_official: false, is_featured: false, description: 'Who owns a phone number: name, address, line type.' });
  expect(JSON.stringify(published!.config)).not.toContain(KEY);

  await market.filter({ origin: 'community' });
  await expect(market.cards).toHaveCount(1);
  await expect(market.cards.first()).toHaveAttribute('data-template-id', published!.id);
  await expect(market.cards.first().getByTestId('template-origin')).toHaveText('Community');
  await market.openTemplate('Phone Number Enrichment');
  await expect(market.detail).toHaveAttribute('data-template-id', published!.id);
  await expect(market.detail.getByTestId('template-author')).toHaveText('You');

  // Not an admin: no controls, and a hand-made request is refused by the server.
  await expect(market.detail.getByTestId('admin-feature')).toHaveCount(0);
  await expect(market.detail.getByTestId('admin-hide')).toHaveCount(0);
  const viaHost = await hostCallFromPage(page, 'templates.feature', { id: published!.id, featured: true });
  expect(viaHost).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.stringContaining('only SaaS admins') } });
  const direct = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await direct.auth.signInWithPassword({ email: alice.email, password: alice.password });
  expect((await direct.rpc('feature_template', { p_template_id: published!.id, p_featured: true })).error).toMatchObject({ code: '42501' });
  expect((await templateRow('Phone Number Enrichment'))[0]!.is_featured).toBe(false);

  // The publisher has nothing to report on their own template.
  await expect(market.detail.getByTestId('template-report-open')).toHaveCount(0);
  await expect(page.getByTestId('template-reports')).toHaveCount(0);

  // Another signed-in non-admin reports it; a second report is refused in plain words.
  await sync.open();
  await page.getByTestId('sign-out').click();
  await sync.signIn(carol.email, carol.password);
  await sync.close();
  await market.refresh();
  await market.filter({ origin: 'community' });
  await market.openTemplate('Phone Number Enrichment');
  await market.detail.getByTestId('template-report-open').click();
  const report = page.getByTestId('report-dialog');
  await report.getByTestId('report-confirm').click();
  await expect(report.getByTestId('report-error')).toHaveText('Say why you are reporting this template.');
  await report.getByTestId('report-reason').fill('looks like a copy');
  await report.getByTestId('report-confirm').click();
  await expect(report).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: 'Report sent' })).toBeVisible();
  await market.detail.getByTestId('template-report-open').click();
  await report.getByTestId('report-reason').fill('still a copy');
  await report.getByTestId('report-confirm').click();
  await expect(report.getByTestId('report-error')).toContainText('already reported');
  await report.getByRole('button', { name: 'Cancel' }).click();
  await expect(report).toBeHidden();
  expect((await supa.db.query(`select reason from template_reports where template_id = $1 and reporter_id = $2`, [published!.id, carol.id])).rows)
    .toEqual([{ reason: 'looks like a copy' }]);

  // Signed in as an admin: the server says so, the controls appear, the report is listed, featuring works.
  await sync.open();
  await page.getByTestId('sign-out').click();
  await sync.signIn(boss.email, boss.password);
  await sync.close();
  await market.refresh();
  await expect(page.getByTestId('admin-badge')).toBeVisible();
  await page.getByTestId('template-reports').locator('summary').click();
  await expect(page.getByTestId('template-report')).toContainText('looks like a copy');
  await market.filter({ origin: 'community' });
  await market.openTemplate('Phone Number Enrichment');
  await expect(market.detail.getByTestId('template-author')).toHaveText('Community member');
  await market.detail.getByTestId('admin-feature').click();
  await expect(market.detail.getByTestId('template-featured')).toBeVisible();
  await expect(market.detail.getByTestId('admin-feature')).toHaveText('Unfeature');
  await market.filter({ origin: 'all', featured: true });
  await expect(market.cards).toHaveCount(1);
  await expect(market.cards.first()).toHaveAttribute('data-featured', 'true');
  expect((await templateRow('Phone Number Enrichment'))[0]!.is_featured).toBe(true);
});
