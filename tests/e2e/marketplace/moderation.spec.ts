/**
 * Issue 16 §4, moderation that closes the loop, in browser mode against the local gateway:
 * an author's community template is reported by two other users (through supabase-js, as
 * any client would); the admin sees each reporter's email and reason, dismisses one, rates
 * the template with the star buttons, and hides it — a reason is required — which resolves
 * the open report. Signed in as the author, the template shows "Hidden by a moderator: …".
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createUser, createWorkspace, makeSaasAdmin, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { SyncPanelPage } from '../sync/syncPanelPage.js';
import { MarketplacePage } from './marketplacePage.js';

const NAME = 'Company finder';
const HIDE_REASON = 'sends domains to a host that is not Clearbit';

let supa: LocalSupabase;
let author: TestUser;
let boss: TestUser;
let carol: TestUser;
let dave: TestUser;
let bossWorkspace: string;
let templateId: string;

const signedInClient = async (user: TestUser) => {
  const client = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const { error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw error;
  return client;
};

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  author = await createUser(supa.db, `author-${tag}@example.com`, 'author-password');
  boss = await createUser(supa.db, `boss-${tag}@example.com`, 'boss-password');
  carol = await createUser(supa.db, `carol-${tag}@example.com`, 'carol-password');
  dave = await createUser(supa.db, `dave-${tag}@example.com`, 'dave-password');
  await makeSaasAdmin(supa.db, boss.id);
  bossWorkspace = `Moderators ${tag}`;
  await createWorkspace(supa.db, bossWorkspace, boss.id);
  await createWorkspace(supa.db, `Author team ${tag}`, author.id);

  const connector = JSON.parse(await readFile(new URL('../../../resources/templates/clearbit-company-data.connector.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const published = await (await signedInClient(author)).rpc('publish_template', { p_name: NAME, p_config: { ...connector, name: NAME }, p_description: 'Finds a company by its domain', p_category: 'enrichment', p_icon: '🏢' });
  if (published.error) throw published.error;
  templateId = (published.data as { id: string }).id;
  for (const [user, reason] of [[carol, 'copies the official Clearbit template'], [dave, 'domains go to an unknown server']] as const) {
    const filed = await (await signedInClient(user)).rpc('report_template', { p_template_id: templateId, p_reason: reason });
    if (filed.error) throw filed.error;
  }
});
test.afterAll(async () => {
  await supa?.close();
});

const reportStates = async () =>
  (await supa.db.query<{ reason: string; resolution: string | null }>(`select reason, resolution from template_reports where template_id = $1 order by reason`, [templateId])).rows;

test('an admin sees who reported what, dismisses one report, rates, hides with a reason; the author sees the reason', async ({ page, app, workspaceDir, shell, chooser }) => {
  const sync = new SyncPanelPage(page);
  const market = new MarketplacePage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, boss, bossWorkspace);
  await market.open();
  await expect(page.getByTestId('admin-badge')).toBeVisible();

  // The reports: reporter and reason per open report.
  const panel = page.getByTestId('template-reports');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toHaveText('Reports (2 open)');
  const copyReport = panel.getByTestId('template-report').filter({ hasText: 'copies the official Clearbit template' });
  const serverReport = panel.getByTestId('template-report').filter({ hasText: 'domains go to an unknown server' });
  await expect(copyReport.getByTestId('template-report-reporter')).toHaveText(carol.email);
  await expect(serverReport.getByTestId('template-report-reporter')).toHaveText(dave.email);

  // Dismiss the copy report: closed as dismissed on the server, no buttons left for it.
  await copyReport.getByTestId('template-report-dismiss').click();
  await expect(copyReport).toHaveAttribute('data-state', 'dismissed');
  await expect(copyReport.getByTestId('template-report-dismiss')).toHaveCount(0);
  await expect(panel.locator('summary')).toHaveText('Reports (1 open)');
  expect(await reportStates()).toEqual([
    { reason: 'copies the official Clearbit template', resolution: 'dismissed' },
    { reason: 'domains go to an unknown server', resolution: null },
  ]);

  // Rating is a row of real buttons; the admin's own rating is shown.
  await market.filter({ origin: 'community' });
  await market.openTemplate(NAME);
  const rate4 = market.detail.getByRole('button', { name: 'Rate 4 of 5' });
  await rate4.hover();
  await rate4.click();
  await expect(market.detail.getByTestId('my-rating')).toHaveText('Your rating: 4 of 5');
  await expect(rate4).toHaveAttribute('aria-pressed', 'true');

  // Hide asks for a reason (refused without one), then resolves the open report.
  await market.detail.getByTestId('admin-hide').click();
  const hide = page.getByTestId('hide-dialog');
  await hide.getByTestId('hide-confirm').click();
  await expect(hide.getByTestId('hide-error')).toContainText('Say why the template is hidden');
  await hide.getByTestId('hide-reason').fill(HIDE_REASON);
  await hide.getByTestId('hide-confirm').click();
  await expect(hide).toBeHidden();
  await expect(market.detail.getByTestId('template-hidden')).toBeVisible();
  await expect(serverReport).toHaveAttribute('data-state', 'resolved');
  await expect(panel.locator('summary')).toHaveText('Reports (0 open)');
  expect(await reportStates()).toEqual([
    { reason: 'copies the official Clearbit template', resolution: 'dismissed' },
    { reason: 'domains go to an unknown server', resolution: 'resolved' },
  ]);

  // The author signs in: their hidden template says why, on the card and in the detail.
  await sync.open();
  await page.getByTestId('sign-out').click();
  await sync.signIn(author.email, author.password);
  await sync.close();
  await market.refresh();
  await expect(page.getByTestId('admin-badge')).toHaveCount(0);
  await market.filter({ origin: 'community' });
  await expect(market.card(NAME).getByTestId('template-hidden-reason')).toHaveText(`Hidden by a moderator: ${HIDE_REASON}`);
  await market.openTemplate(NAME);
  await expect(market.detail.getByTestId('template-hidden-reason')).toHaveText(`Hidden by a moderator: ${HIDE_REASON}`);
  await expect(market.detail.getByRole('button', { name: 'Rate 4 of 5' })).toHaveCount(0);

  // Another user does not see the template at all, so neither its reason.
  const asCarol = await signedInClient(carol);
  expect((await asCarol.from('connector_templates').select('hidden_reason').eq('id', templateId)).data).toEqual([]);
});
