/**
 * Issue 16 §3–4 with every role in their own browser-mode instance against the local gateway:
 * Dana (the template's author), Ian (an installer, of another workspace), Carol (another user)
 * and Boss (a SaaS admin).
 * - Dana's publish dialog starts with the connector she is in, prefilled, and says "none" for a
 *   connector without credentials; she publishes v1, Ian installs it with his own key;
 * - Dana's v2 sends the installers' key to another host: Ian sees her changelog, the update on
 *   his dashboard card, the redirect flagged, and cannot apply it with one click;
 * - Ian rates it (the stars are buttons) and reports it, Carol reports it too; Boss sees each
 *   reporter and reason, dismisses Carol's report, hides the template with a reason (required),
 *   which resolves Ian's report; Dana sees the reason, and the template is gone for Ian.
 */
import { randomUUID } from 'node:crypto';
import { createUser, createWorkspace, makeSaasAdmin, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { hostCallFromPage } from '../pages/hostCallFromPage.js';
import { memberApp, type MemberApp } from '../sync/memberApp.js';

const DANA_KEY = 'trestle-e2e-dana-key-1a2b3c4d5e6f7788';
const IAN_KEY = 'trestle-e2e-ian-key-9f8e7d6c5b4a3322';
const NAME = 'Phone owner lookup';
const ATTACKER = 'https://trestle-proxy.attacker.example';
const HIDE_REASON = 'v2 sends installers\' Trestle keys to a host that is not Trestle';

let supa: LocalSupabase;
const users: Record<'dana' | 'ian' | 'carol' | 'boss', TestUser> = {} as never;
const workspaces: Record<keyof typeof users, string> = {} as never;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  for (const who of ['dana', 'ian', 'carol', 'boss'] as const) {
    users[who] = await createUser(supa.db, `${who}-${tag}@example.com`, `${who}-password`);
    workspaces[who] = `${who} team ${tag}`;
    await createWorkspace(supa.db, workspaces[who], users[who].id);
  }
  await makeSaasAdmin(supa.db, users.boss.id);
});
test.afterAll(async () => {
  await supa?.close();
});

const apps: MemberApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});
async function open(browser: Parameters<typeof memberApp>[0], who: keyof typeof users): Promise<MemberApp> {
  const app = await memberApp(browser, supa, users[who], workspaces[who]);
  apps.push(app);
  return app;
}

/** A host call from the page that must succeed: its value. */
async function hostCall<T>(app: MemberApp, name: string, params: unknown): Promise<T> {
  const answer = await hostCallFromPage<T>(app.page, name, params);
  if (!answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}
const templateVersion = async (app: MemberApp, id: string) => (await hostCall<{ connector: { template: { version: number } } }>(app, 'connectors.get', { id })).connector.template.version;

const reports = async () =>
  (await supa.db.query<{ reason: string; resolution: string | null }>(
    `select r.reason, r.resolution from template_reports r join connector_templates t on t.id = r.template_id where t.name = $1 order by r.reason`, [NAME])).rows;

test('author, installer, reporters and an admin: a credential redirect needs confirming, and moderation closes the loop', async ({ browser }) => {
  test.setTimeout(300_000);
  const dana = await open(browser, 'dana');

  // Dana's connectors: one without credentials, and the phone template with her key, renamed.
  await dana.dashboard.createConnector();
  await dana.editor.rename('Scratch notes');
  await dana.editor.save();
  const scratchId = await dana.editor.connectorId();
  await dana.market.open();
  await dana.market.openTemplate('Phone Number Enrichment');
  await dana.market.install({ trestle_api_key: DANA_KEY });
  await expect(dana.page.getByTestId('run-mode')).toBeVisible();
  await dana.editor.rename(NAME);
  await dana.editor.save();
  const sourceId = await dana.editor.connectorId();

  // The publish dialog starts with the connector she is in, its listing prefilled.
  await dana.market.open();
  await dana.page.getByTestId('publish-open').click();
  const publish = dana.page.getByTestId('publish-dialog');
  await expect(publish.getByTestId('publish-connector')).toHaveValue(sourceId);
  await expect(publish.getByTestId('publish-title')).toHaveValue(NAME);
  await expect(publish.getByTestId('publish-category')).toHaveValue('enrichment');
  await expect(publish.getByTestId('publish-icon')).toHaveValue('📞');
  await expect(publish.getByTestId('publish-description')).not.toHaveValue('');
  await expect(publish.getByTestId('publish-credential-slots')).toContainText('trestle_api_key');
  // A connector without credentials says "none"; back to the phone one, prefilled from it again.
  await publish.getByTestId('publish-connector').selectOption(scratchId);
  await expect(publish.getByTestId('publish-title')).toHaveValue('Scratch notes');
  await expect(publish.getByTestId('publish-credential-slots')).toHaveText('none');
  await publish.getByTestId('publish-connector').selectOption(sourceId);
  await expect(publish.getByTestId('publish-title')).toHaveValue(NAME);
  await expect(publish.getByTestId('publish-preview')).toBeVisible();
  await expect(publish.getByTestId('publish-json')).not.toContainText(DANA_KEY);
  await publish.getByTestId('publish-confirm').click();
  await expect(publish).toBeHidden();

  // Ian, in his own app and workspace, installs it with his own key.
  const ian = await open(browser, 'ian');
  await ian.market.open();
  await ian.market.filter({ origin: 'community' });
  await ian.market.openTemplate(NAME);
  await expect(ian.market.detail.getByTestId('template-author')).toHaveText('Community member');
  await ian.market.install({ trestle_api_key: IAN_KEY });
  await expect(ian.page.getByTestId('run-mode')).toBeVisible();
  const installedId = await ian.editor.connectorId();
  expect(await templateVersion(ian, installedId)).toBe(1);

  // Dana's v2 sends the key to another host; she publishes it as an update with a changelog.
  const source = await hostCall<{ connector: { inputs: Array<{ name: string; default?: unknown }> }; hash: string }>(dana, 'connectors.get', { id: sourceId });
  const v2 = { ...source.connector, inputs: source.connector.inputs.map((input) => (input.name === 'base_url' ? { ...input, default: ATTACKER } : input)) };
  await hostCall(dana, 'connectors.save', { connector: v2, baseHash: source.hash });
  await dana.page.getByTestId('publish-open').click();
  await publish.getByTestId('publish-connector').selectOption(sourceId);
  await expect(publish.getByTestId('publish-preview')).toBeVisible();
  await expect(publish.getByTestId('publish-as-update')).toBeChecked();
  await publish.getByTestId('publish-changelog').fill('Faster lookups through our regional mirror');
  await publish.getByTestId('publish-confirm').click();
  await expect(publish).toBeHidden();

  // Ian: the changelog, the redirect flagged, the update on his dashboard card too.
  await ian.market.open();
  await ian.market.refresh();
  const offer = ian.page.locator(`[data-testid="template-update"][data-connector-id="${installedId}"]`);
  await expect(offer).toContainText('v1 → v2', { timeout: 20_000 });
  await expect(offer.getByTestId('template-update-changelog')).toHaveText('v2: Faster lookups through our regional mirror');
  await expect(offer.getByTestId('template-update-redirect-warning')).toHaveText(`⚠ Sends trestle_api_key to ${ATTACKER}, where it did not go before.`);
  await offer.getByRole('button', { name: 'What changed' }).click();
  await expect(offer.locator('li', { hasText: 'would be sent to' })).toContainText(`"trestle_api_key" would be sent to ${ATTACKER} in header x-api-key`);
  await ian.page.getByTestId('nav-dashboard').click();
  const card = ian.dashboard.card(installedId);
  await expect(card.getByTestId('card-update-available')).toHaveText('Update to v2');
  await card.getByTestId('card-update-available').click();
  await expect(offer).toBeVisible();

  // Not with one click: the update names the key and the new host, and waits for a checkbox.
  await offer.getByTestId('template-update-apply').click();
  const update = ian.page.getByTestId('install-dialog');
  const confirm = update.getByTestId('update-credential-redirect');
  await expect(confirm).toContainText(`Send trestle_api_key to ${ATTACKER} (header x-api-key) — until now only https://api.trestleiq.com (header x-api-key)`);
  await expect(update.getByTestId('install-confirm')).toBeDisabled();
  await update.getByRole('button', { name: 'Cancel' }).click();
  await expect(update).toBeHidden();
  expect(await templateVersion(ian, installedId)).toBe(1);

  // Ian rates it with the star buttons and reports it.
  await ian.market.filter({ origin: 'community' });
  await ian.market.openTemplate(NAME);
  const rate2 = ian.market.detail.getByRole('button', { name: 'Rate 2 of 5' });
  await rate2.click();
  await expect(rate2).toHaveAttribute('aria-pressed', 'true');
  await expect(ian.market.detail.getByTestId('my-rating')).toHaveText('Your rating: 2 of 5');
  await ian.market.detail.getByTestId('template-report-open').click();
  const report = ian.page.getByTestId('report-dialog');
  await report.getByTestId('report-reason').fill('v2 sends my Trestle key to another host');
  await report.getByTestId('report-confirm').click();
  await expect(report).toBeHidden();
  await expect(ian.page.getByTestId('toast').filter({ hasText: 'Report sent' })).toBeVisible();

  // Carol, in her own app, reports it as a copy.
  const carol = await open(browser, 'carol');
  await carol.market.open();
  await carol.market.filter({ origin: 'community' });
  await carol.market.openTemplate(NAME);
  await carol.market.detail.getByTestId('template-report-open').click();
  await carol.page.getByTestId('report-reason').fill('copies the official phone template');
  await carol.page.getByTestId('report-confirm').click();
  await expect(carol.page.getByTestId('report-dialog')).toBeHidden();

  // Boss, a SaaS admin: each report with its reporter and reason; dismiss one, rate, hide with a reason.
  const boss = await open(browser, 'boss');
  await boss.market.open();
  await expect(boss.page.getByTestId('admin-badge')).toBeVisible();
  const panel = boss.page.getByTestId('template-reports');
  await panel.locator('summary').click();
  await expect(panel.locator('summary')).toHaveText('Reports (2 open)');
  const copyReport = panel.getByTestId('template-report').filter({ hasText: 'copies the official phone template' });
  const keyReport = panel.getByTestId('template-report').filter({ hasText: 'v2 sends my Trestle key to another host' });
  await expect(copyReport.getByTestId('template-report-reporter')).toHaveText(users.carol.email);
  await expect(keyReport.getByTestId('template-report-reporter')).toHaveText(users.ian.email);
  await copyReport.getByTestId('template-report-dismiss').click();
  await expect(copyReport).toHaveAttribute('data-state', 'dismissed');
  await expect(panel.locator('summary')).toHaveText('Reports (1 open)');

  await boss.market.filter({ origin: 'community' });
  await boss.market.openTemplate(NAME);
  const rate4 = boss.market.detail.getByRole('button', { name: 'Rate 4 of 5' });
  await rate4.click();
  await expect(rate4).toHaveAttribute('aria-pressed', 'true');
  await boss.market.detail.getByTestId('admin-hide').click();
  const hide = boss.page.getByTestId('hide-dialog');
  await hide.getByTestId('hide-confirm').click();
  await expect(hide.getByTestId('hide-error')).toContainText('Say why the template is hidden');
  await hide.getByTestId('hide-reason').fill(HIDE_REASON);
  await hide.getByTestId('hide-confirm').click();
  await expect(hide).toBeHidden();
  await expect(keyReport).toHaveAttribute('data-state', 'resolved');
  await expect(panel.locator('summary')).toHaveText('Reports (0 open)');
  expect(await reports()).toEqual([
    { reason: 'copies the official phone template', resolution: 'dismissed' },
    { reason: 'v2 sends my Trestle key to another host', resolution: 'resolved' },
  ]);

  // Dana sees why, on the card and in the detail; Ian no longer finds it.
  await dana.market.refresh();
  await dana.market.filter({ origin: 'community' });
  await expect(dana.market.card(NAME).getByTestId('template-hidden-reason')).toHaveText(`Hidden by a moderator: ${HIDE_REASON}`);
  await dana.market.openTemplate(NAME);
  await expect(dana.market.detail.getByTestId('template-hidden-reason')).toHaveText(`Hidden by a moderator: ${HIDE_REASON}`);
  await ian.market.refresh();
  await ian.market.filter({ origin: 'community' });
  await expect(ian.market.card(NAME)).toHaveCount(0);
});
