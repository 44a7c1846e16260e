/**
 * Issue 16 §1–2 with two members of one workspace, each in their own browser-mode instance
 * (their own user data, folder and Chromium context) against the local gateway, and an
 * outsider of another workspace:
 * - a conflict reads as the one field that differs; Bob keeps his; Alice is told ("Bob kept
 *   their version of Phone lookup; yours is in History"), opens History and restores hers;
 *   the outsider sees none of that history;
 * - a connector Alice deletes while Bob edits it says "deleted by Alice" (Bob stays in the
 *   editor); Alice's Undo toast goes once the connector changed again;
 * - a literal secret in a header keeps a connector from the team until one click moves it
 *   into a credential;
 * - while the project can't be reached the marketplace shows the community list last seen.
 * The editor's own "Keep mine", "Keep both", reconnecting, session expiry and team statistics
 * are in sync/teamSessions.spec.ts; template updates that redirect a credential and moderation,
 * with author, installer and admin in their own apps, in marketplace/teamMarketplace.spec.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import type { Browser } from '@playwright/test';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { memberApp as openMemberApp } from './memberApp.js';
import { SyncPanelPage } from './syncPanelPage.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;
const workspaceName = 'Growth team';
let workspaceId: string;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice@example.com', 'alice-password');
  bob = await createUser(supa.db, 'bob@example.com', 'bob-password');
  eve = await createUser(supa.db, 'eve@example.com', 'eve-password');
  workspaceId = await createWorkspace(supa.db, workspaceName, alice.id);
  await addMember(supa.db, workspaceId, bob.id);
  await createWorkspace(supa.db, 'Eve agency', eve.id);
});
test.afterAll(async () => {
  await supa?.close();
});
test.beforeEach(async () => {
  // Each test starts from an empty team workspace.
  await supa.db.query(`delete from connectors where workspace_id = $1`, [workspaceId]);
});

/** A member's own app: a second browser-mode instance with its own folder, user data and browser context. */
const memberApp = (browser: Browser, user: TestUser) => openMemberApp(browser, supa, user, workspaceName);

interface Row { id: string; name: string; revision: number; config: Record<string, unknown> }
const rows = async () => (await supa.db.query<Row>(`select id, name, revision, config from connectors where workspace_id = $1 and deleted_at is null order by name`, [workspaceId])).rows;

async function signedIn(user: TestUser) {
  const client = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const { error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw error;
  return client;
}

test('keep mine: the teammate is told, finds their version in History and restores it; an outsider sees no history', async ({ browser, page, app, workspaceDir, shell, chooser, dashboard, editor }) => {
  test.setTimeout(120_000);
  const aliceSync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await aliceSync.link(supa, alice, workspaceName);
  await dashboard.createConnector();
  await editor.rename('Phone lookup');
  await editor.save();
  const id = await editor.connectorId();
  await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Phone lookup']);
  await shell.goToDashboard();

  const bobApp = await memberApp(browser, bob);
  try {
    await expect(bobApp.dashboard.cardName(id)).toHaveText('Phone lookup', { timeout: 20_000 });
    await bobApp.dashboard.openConnector(id);

    // Alice renames it (from her laptop, straight to the server); Bob renames it before his app pulls.
    const [row] = await rows();
    const asAlice = await signedIn(alice);
    await bobApp.editor.rename('Phone lookup (Bob)');
    const { error } = await asAlice.rpc('sync_push', { p_workspace_id: workspaceId, p_changes: [{ op: 'update', id: row!.id, name: 'Phone lookup (Alice)', config: { ...row!.config, name: 'Phone lookup (Alice)' }, base_revision: row!.revision }] });
    expect(error).toBeNull();
    await bobApp.editor.save();

    await expect(bobApp.sync.indicator).toHaveAttribute('data-state', 'conflict', { timeout: 20_000 });
    await bobApp.sync.open();
    await expect(bobApp.page.getByTestId('conflict-summary')).toHaveText('name changed');
    await expect(bobApp.page.getByTestId('conflict-why')).toHaveText('It was changed here and by Alice on the server.');
    await bobApp.page.getByTestId('keep-mine').click();
    await expect(bobApp.sync.indicator).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await bobApp.sync.close();
    await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Phone lookup (Bob)']);

    // Alice's app pulls Bob's revision within seconds and says what happened.
    const notice = page.getByTestId('sync-notice');
    await expect(notice).toHaveText(/Bob kept their version of Phone lookup \(Bob\); yours is in History \(revision 2\)\./, { timeout: 20_000 });
    await expect(dashboard.cardName(id)).toHaveText('Phone lookup (Bob)');
    await notice.getByTestId('sync-notice-history').click();
    const history = page.getByTestId('connector-history');
    await expect(history.getByTestId('connector-revision')).toHaveCount(3);
    await expect(history.locator('[data-revision="3"]')).toContainText('Bob kept theirs over revision 2 in a conflict');
    await expect(history.locator('[data-revision="2"]')).toContainText('saved by you');
    await history.locator('[data-revision="2"]').getByTestId('restore-revision').click();
    await history.getByTestId('restore-revision-confirm').click();
    await expect(history.locator('[data-revision="4"]')).toContainText('you restored revision 2', { timeout: 20_000 });
    await history.getByTestId('connector-history-close').click();
    await expect(notice).toHaveCount(0);
    await expect(dashboard.cardName(id)).toHaveText('Phone lookup (Alice)');
    await expect.poll(async () => (await rows()).map((r) => [r.name, r.revision]), { timeout: 20_000 }).toEqual([['Phone lookup (Alice)', 4]]);

    // Bob gets the restored version; the editor he has open follows it without leaving.
    await expect(bobApp.editor.nameInput).toHaveValue('Phone lookup (Alice)', { timeout: 20_000 });
    await expect(bobApp.page.getByTestId('editor')).toBeVisible();
    await bobApp.page.getByTestId('revisions-button').click();
    await expect(bobApp.page.getByTestId('connector-revision').first()).toContainText('Alice restored revision 2');

    // Eve, of another workspace, reads none of it.
    const { data } = await (await signedIn(eve)).from('connector_revisions').select('revision').eq('connector_id', row!.id);
    expect(data).toEqual([]);
  } finally {
    await bobApp.close();
  }
});

test('a connector deleted by a teammate while you edit it says "deleted by Alice"; her Undo goes once it changed again', async ({ browser, page, app, workspaceDir, shell, chooser, dashboard, editor }) => {
  test.setTimeout(120_000);
  const aliceSync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await aliceSync.link(supa, alice, workspaceName);
  await dashboard.createConnector();
  await editor.rename('Company lookup');
  await editor.save();
  const id = await editor.connectorId();
  await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Company lookup']);
  await shell.goToDashboard();

  const bobApp = await memberApp(browser, bob);
  try {
    await expect(bobApp.dashboard.cardName(id)).toHaveText('Company lookup', { timeout: 20_000 });
    await bobApp.dashboard.openConnector(id);
    await bobApp.editor.rename('Company lookup v2'); // unsaved

    await dashboard.card(id).getByRole('button', { name: 'Delete', exact: true }).click();
    const undo = page.getByTestId('toast').filter({ hasText: 'Deleted Company lookup.' });
    await expect(undo.getByRole('button', { name: 'Undo' })).toBeVisible();
    await expect.poll(async () => (await rows()).length, { timeout: 20_000 }).toBe(0);

    const banner = bobApp.page.getByTestId('external-change-banner');
    await expect(banner).toContainText('Company lookup v2 was deleted by Alice while you were editing it.', { timeout: 20_000 });
    await expect(banner).not.toContainText('changed on disk');
    // The pull did not move Bob anywhere, and his edit is still there.
    await expect(bobApp.page.locator(`[data-testid="editor"][data-connector-id="${id}"]`)).toBeVisible();
    await expect(bobApp.editor.nameInput).toHaveValue('Company lookup v2');

    // Bob keeps it: it goes back to the team, and Alice's Undo (of an older copy) disappears.
    await banner.getByTestId('keep-deleted').click();
    await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Company lookup v2']);
    await expect(dashboard.cardName(id)).toHaveText('Company lookup v2', { timeout: 20_000 });
    await expect(undo).toHaveCount(0);
  } finally {
    await bobApp.close();
  }
});

test('a literal secret in a header keeps a connector from the team until one click moves it into a credential', async ({ page, app, workspaceDir, shell, chooser, dashboard, credentials }) => {
  const token = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
  const connector = {
    schemaVersion: 2, id: 'phone_lookup', name: 'Phone lookup', inputs: [{ name: 'phone' }],
    steps: [{ id: 'lookup', url: 'https://api.example.com/phone/{{phone}}', headers: [{ key: 'Authorization', value: `Bearer ${token}` }] }],
  };
  await writeFile(join(workspaceDir, 'phone-lookup.connector.json'), JSON.stringify(connector, null, 2));
  const sync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, alice, workspaceName);

  await dashboard.openConnector('phone_lookup');
  const banner = page.getByTestId('held-secret-banner');
  await expect(banner).toContainText('not shared with the team', { timeout: 20_000 });
  await expect(banner.getByTestId('held-secret')).toContainText('the "Authorization" header of step lookup holds a literal secret');
  await expect(banner).not.toContainText(token);
  await sync.open();
  await sync.syncNow();
  await expect(page.getByTestId('held-connector')).toContainText('Phone lookup');
  await sync.close();
  expect(await rows()).toEqual([]);

  await banner.getByTestId('move-secret').click();
  await expect(page.getByTestId('secret-moved')).toContainText('Moved into credential “api_token”');
  await expect.poll(async () => (await rows()).map((r) => JSON.stringify(r.config)), { timeout: 20_000 }).toEqual([expect.stringContaining('Bearer {{credentials.api_token}}')]);
  expect(JSON.stringify(await rows())).not.toContain(token);
  await shell.goToCredentials();
  await expect(credentials.row('api_token')).toBeVisible();
});

test('while the project cannot be reached the marketplace shows the community list last seen online, labelled', async ({ page, app, workspaceDir, shell, chooser }) => {
  const asBob = await signedIn(bob);
  const config = JSON.parse(await readFile(new URL('../../../resources/templates/clearbit-company-data.connector.json', import.meta.url), 'utf8'));
  const { error } = await asBob.rpc('publish_template', { p_name: 'Bob phone check', p_config: { ...config, name: 'Bob phone check' }, p_public: true });
  expect(error).toBeNull();
  const sync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, alice, workspaceName);
  await page.getByTestId('nav-marketplace').click();
  const card = page.getByTestId('template-card').filter({ hasText: 'Bob phone check' });
  await expect(card).toBeVisible({ timeout: 20_000 });

  // The project goes away (a closed port): the built-in and the last known community templates stay, labelled.
  const dead = createServer();
  await new Promise<void>((done) => dead.listen(0, '127.0.0.1', done));
  const port = (dead.address() as { port: number }).port;
  await new Promise<void>((done) => dead.close(() => done()));
  await sync.open();
  await page.getByTestId('supabase-url').fill(`http://127.0.0.1:${port}`);
  await page.getByTestId('supabase-settings-save').click();
  await sync.close();
  await page.getByTestId('marketplace-refresh').click();
  const message = page.getByTestId('marketplace-remote-message');
  await expect(message).toHaveAttribute('data-cached', 'true', { timeout: 20_000 });
  await expect(message).toContainText('Community templates as last seen online');
  await expect(message).not.toContainText('fetch failed');
  await expect(card).toBeVisible();
  await expect(page.locator('[data-testid="template-card"][data-origin="official"]').first()).toBeVisible();
});
