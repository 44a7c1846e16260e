/**
 * Issue 16 §1–2 and §4's team statistics with two members of one workspace (Alice, Bob) and an
 * outsider of another workspace (Eve), each in their own browser-mode instance against the
 * local gateway (no Realtime there: the short poll of the change cursor is what runs):
 * - Bob has unsaved edits when Alice's save arrives (within 5 s); he chooses "Keep mine" in the
 *   editor: it is recorded as kept over her revision, she is told and finds hers in History,
 *   his activity log names the resolution once, and Eve's app sees none of it;
 * - with the project unreachable Alice's app says so in words (never "fetch failed") and still
 *   lists her workspaces; it syncs within 5 s of the project answering again, and Bob sees it;
 * - with no network at all (browser mode's test-only switch: no interface but loopback, and the
 *   project gives no answer) it says "Offline" instead, keeps the workspace list, and the
 *   marketplace shows the built-in templates and the community list as last seen online; it
 *   syncs within 5 s of the network coming back;
 * - an expired session says "Your session expired — sign in again" with the sign-in form in
 *   place, and the folder's link survives signing in again;
 * - Bob's card counts the runs Alice's app uploaded.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, freePort, startGateway, startLocalSupabase, userClaims, withClaims, type Gateway, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { memberApp, type MemberApp } from './memberApp.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;
let workspaceId: string;
let workspaceName: string;
const eveWorkspace = 'Eve agency';

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  alice = await createUser(supa.db, `alice-${tag}@example.com`, 'alice-password');
  bob = await createUser(supa.db, `bob-${tag}@example.com`, 'bob-password');
  eve = await createUser(supa.db, `eve-${tag}@example.com`, 'eve-password');
  await createWorkspace(supa.db, eveWorkspace, eve.id);
});
test.afterAll(async () => {
  await supa?.close();
});
test.beforeEach(async () => {
  // Each test its own team workspace, so no test sees another's connectors.
  workspaceName = `Growth team ${randomUUID().slice(0, 4)}`;
  workspaceId = await createWorkspace(supa.db, workspaceName, alice.id);
  await addMember(supa.db, workspaceId, bob.id);
});

const apps: MemberApp[] = [];
test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});
async function open(browser: Parameters<typeof memberApp>[0], project: { url: string; anonKey: string }, user: TestUser, workspace = workspaceName, options: Parameters<typeof memberApp>[4] = {}): Promise<MemberApp> {
  const app = await memberApp(browser, project, user, workspace, options);
  apps.push(app);
  return app;
}

interface Row { id: string; name: string; revision: number }
const rows = async () => (await supa.db.query<Row>(`select id, name, revision from connectors where workspace_id = $1 and deleted_at is null order by name`, [workspaceId])).rows;
const revisions = async (connectorId: string) =>
  (await supa.db.query<{ revision: number; kind: string; author_name: string; replaced_revision: number | null }>(
    `select revision, kind, author_name, replaced_revision from connector_revisions where connector_id = $1 order by revision`, [connectorId])).rows
    .map((r) => [Number(r.revision), r.kind, r.author_name, r.replaced_revision === null ? null : Number(r.replaced_revision)]);

/** How the app and the server name a member ("alice-x1@…" → "Alice-x1"). */
const displayName = (user: TestUser) => user.email.charAt(0).toUpperCase() + user.email.slice(1).split('@')[0];

test("Keep mine in the editor over a teammate's save: recorded as kept over hers, she is told and finds hers in History; an outsider sees nothing", async ({ browser }) => {
  test.setTimeout(150_000);
  const a = await open(browser, supa, alice);
  const b = await open(browser, supa, bob);
  const eveApp = await open(browser, supa, eve, eveWorkspace);

  await a.dashboard.createConnector();
  await a.editor.rename('Phone lookup');
  await a.editor.save();
  const id = await a.editor.connectorId();
  await expect(b.dashboard.cardName(id)).toHaveText('Phone lookup', { timeout: 20_000 });
  await b.dashboard.openConnector(id);
  await b.editor.rename('Phone lookup (Bob)'); // not saved

  // Alice saves a new version; Bob's open editor hears of it within 5 s of it reaching the server.
  await a.editor.rename('Phone lookup (Alice)');
  await a.editor.save();
  await expect.poll(async () => (await rows()).map((r) => [r.name, r.revision]), { timeout: 20_000, intervals: [100] }).toEqual([['Phone lookup (Alice)', 2]]);
  const reachedServer = Date.now();
  const banner = b.page.getByTestId('external-change-banner');
  await expect(banner).toContainText(`${displayName(alice)} saved a new version`, { timeout: 5_000 });
  console.info(`teammate's save shown ${Date.now() - reachedServer} ms after it reached the server`);
  await expect(banner).toContainText('saved a new version of Phone lookup (Bob) while you have unsaved edits.');
  await expect(b.page.locator(`[data-testid="editor"][data-connector-id="${id}"]`)).toBeVisible();
  await expect(b.editor.nameInput).toHaveValue('Phone lookup (Bob)');

  await banner.getByRole('button', { name: 'Keep mine' }).click();
  await expect(banner).toHaveCount(0);
  await expect.poll(async () => (await rows()).map((r) => [r.name, r.revision]), { timeout: 20_000 }).toEqual([['Phone lookup (Bob)', 3]]);
  const [row] = await rows();
  const [aliceName, bobName] = [displayName(alice), displayName(bob)];
  expect(await revisions(row!.id)).toEqual([[1, 'created', aliceName, null], [2, 'edited', aliceName, null], [3, 'kept_mine', bobName, 2]]);

  // Bob's activity log names the connector and the resolution, once.
  await b.sync.open();
  await expect(b.sync.logEntries.filter({ hasText: 'conflict resolved: kept mine' })).toHaveCount(1);
  await expect(b.sync.logEntries.filter({ hasText: 'conflict resolved: kept mine' })).toContainText('Phone lookup (Bob)');
  await b.sync.close();

  // Alice is told, and her version is in History.
  const notice = a.page.getByTestId('sync-notice');
  await expect(notice).toHaveText(new RegExp(`${bobName} kept their version of Phone lookup \\(Bob\\); yours is in History \\(revision 2\\)\\.`), { timeout: 20_000 });
  await expect(a.editor.nameInput).toHaveValue('Phone lookup (Bob)');
  await notice.getByTestId('sync-notice-history').click();
  const history = a.page.getByTestId('connector-history');
  await expect(history.locator('[data-revision="3"]')).toContainText(`${bobName} kept theirs over revision 2 in a conflict`);
  await expect(history.locator('[data-revision="2"]')).toContainText('saved by you');
  await history.getByTestId('connector-history-close').click();

  // Eve, of another workspace, has nothing of it in her app, nor can read its history.
  await eveApp.sync.open();
  await eveApp.sync.syncNow();
  await expect(eveApp.sync.indicator).toHaveAttribute('data-state', 'synced');
  await eveApp.sync.close();
  await expect(eveApp.dashboard.cards).toHaveCount(0);
  const asEve = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await asEve.auth.signInWithPassword({ email: eve.email, password: eve.password });
  expect((await asEve.from('connector_revisions').select('revision').eq('connector_id', row!.id)).data).toEqual([]);
});

test('project unreachable: said in words, the workspace list kept; synced within 5 s of it answering again, and the teammate sees it', async ({ browser }) => {
  test.setTimeout(150_000);
  // Alice's app talks to its own gateway on the same database: closing it makes the project unreachable.
  const port = await freePort();
  let gateway: Gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
  try {
    const a = await open(browser, gateway, alice);
    const b = await open(browser, supa, bob);
    await gateway.close();

    await a.dashboard.createConnector();
    await a.editor.rename('Made while unreachable');
    await a.editor.save();
    const id = await a.editor.connectorId();
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(a.sync.indicator).toContainText('Supabase unreachable');
    await a.sync.open();
    const line = a.page.getByTestId('sync-status-line');
    await expect(line).toContainText(`The Supabase project at 127.0.0.1:${port} can't be reached`);
    await expect(line).not.toContainText(/fetch failed|TypeError/);
    // The workspace list is what the app knew, not "Loading…".
    const select = a.page.getByTestId('workspace-select');
    await expect(select.locator('option', { hasText: workspaceName })).toHaveCount(1);
    await expect(select).toBeEnabled();
    await expect(a.page.getByTestId('linked-workspace')).toContainText(workspaceName);
    await a.sync.close();
    expect(await rows()).toEqual([]);

    gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
    const back = Date.now();
    await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 5_000, intervals: [100] }).toEqual(['Made while unreachable']);
    const reached = Date.now();
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'synced');
    await expect(b.dashboard.cardName(id)).toHaveText('Made while unreachable', { timeout: 5_000 });
    console.info(`synced ${reached - back} ms after the project answered again; on the teammate's dashboard ${Date.now() - reached} ms later`);
  } finally {
    await gateway.close();
  }
});

test('offline (no network): said as "Offline", the workspace list and the marketplace (built-ins, the last known community list) kept; synced within 5 s of the network coming back', async ({ browser }) => {
  test.setTimeout(150_000);
  // A community template Alice's marketplace has seen online, published by an outsider.
  const templateName = `Company data by Eve ${randomUUID().slice(0, 4)}`;
  const config = await readFile(new URL('../../../resources/templates/clearbit-company-data.connector.json', import.meta.url), 'utf8');
  await withClaims(supa.db, userClaims(eve.id), (session) => session.query(`select publish_template(p_name => $1, p_config => $2, p_public => true)`, [templateName, config]));
  const builtinName = 'Phone Number Enrichment';

  const switchDir = await mkdtemp(join(tmpdir(), 'cs-e2e-offline-'));
  const offline = join(switchDir, 'offline');
  const port = await freePort();
  let gateway: Gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
  try {
    const a = await open(browser, gateway, alice, workspaceName, { offlineSwitchFile: offline });
    const b = await open(browser, supa, bob);
    await a.market.open();
    await expect(a.market.card(templateName)).toBeVisible({ timeout: 20_000 });
    await expect(a.page.getByTestId('marketplace-remote-message')).toHaveCount(0);
    await a.shell.goToDashboard();

    // The network goes: no interface but loopback, and so no answer from the project.
    await writeFile(offline, '');
    await gateway.close();

    await a.dashboard.createConnector();
    await a.editor.rename('Made while offline');
    await a.editor.save();
    const id = await a.editor.connectorId();
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'offline', { timeout: 20_000 });
    await expect(a.sync.indicator).toContainText('Offline');
    await expect(a.sync.indicator).not.toContainText('unreachable');
    await a.sync.open();
    const line = a.page.getByTestId('sync-status-line');
    await expect(line).toContainText('Offline: this computer has no network connection. Changes are kept and will sync when it is back.');
    await expect(line).not.toContainText(/can't be reached|fetch failed|TypeError/);
    // The workspace list is what the app knew, not "Loading…".
    const select = a.page.getByTestId('workspace-select');
    await expect(select.locator('option', { hasText: workspaceName })).toHaveCount(1);
    await expect(select).toBeEnabled();
    await expect(a.page.getByTestId('linked-workspace')).toContainText(workspaceName);
    await expect(a.sync.panel).not.toContainText('Loading…');
    await a.sync.close();

    // The marketplace: the built-in templates at once, the community list as last seen online, labelled.
    const opened = Date.now();
    await a.page.getByTestId('nav-marketplace').click();
    await expect(a.market.card(builtinName)).toBeVisible();
    console.info(`built-in templates shown ${Date.now() - opened} ms after opening the marketplace offline`);
    await expect(a.market.card(templateName)).toBeVisible();
    const message = a.page.getByTestId('marketplace-remote-message');
    await expect(message).toHaveAttribute('data-cached', 'true');
    await expect(message).toContainText(/Community templates as last seen online, \d{4}-\d\d-\d\d \d\d:\d\d UTC: Offline: this computer has no network connection\. Installing, rating and publishing need the connection\./);
    await expect(message).not.toContainText(/can't be reached|cannot be reached|fetch failed|TypeError/);
    expect(await rows()).toEqual([]);

    // The network comes back.
    await rm(offline);
    gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
    const back = Date.now();
    await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 5_000, intervals: [100] }).toEqual(['Made while offline']);
    const reached = Date.now();
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'synced');
    await expect(b.dashboard.cardName(id)).toHaveText('Made while offline', { timeout: 5_000 });
    console.info(`synced ${reached - back} ms after the network came back; on the teammate's dashboard ${Date.now() - reached} ms later`);
    await a.market.refresh();
    await expect(message).toHaveCount(0);
    await expect(a.market.card(templateName)).toBeVisible();
  } finally {
    await gateway.close();
    await rm(switchDir, { recursive: true, force: true });
  }
});

test('an expired session says "Your session expired — sign in again" with the sign-in form in place; the link survives signing in again', async ({ browser }) => {
  test.setTimeout(120_000);
  const shortLived = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, accessTokenTtlSeconds: 2 });
  try {
    const a = await open(browser, shortLived, alice);
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'synced');
    // The session is ended on the server (signed out elsewhere, or an admin ended it); the access token runs out.
    await supa.db.query(`delete from auth.refresh_tokens where user_id = $1`, [alice.id]);
    // The app's own poll finds out: no click needed.
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'signed_out', { timeout: 20_000 });
    await expect(a.sync.indicator).toContainText('Session expired');
    await a.sync.open();
    await expect(a.page.getByTestId('sync-status-line')).toContainText('Your session expired — sign in again');
    await expect(a.page.getByTestId('signin-email')).toBeVisible();
    await expect(a.page.getByTestId('signed-in-as')).toHaveCount(0);
    await expect(a.sync.panel).not.toContainText('no longer have access');

    await a.sync.signIn(alice.email, alice.password);
    await expect(a.page.getByTestId('linked-workspace')).toContainText(workspaceName);
    await expect(a.sync.indicator).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
    await expect(a.page.getByTestId('sync-status-line')).not.toContainText('expired');
  } finally {
    await shortLived.close();
  }
});

test("a connector's card counts the runs a teammate's app uploaded", async ({ browser }) => {
  test.setTimeout(150_000);
  const a = await open(browser, supa, alice);
  const b = await open(browser, supa, bob);

  // Alice installs a template to try (replay, no credentials) and sends her test runs to the team.
  await a.market.open();
  await a.market.openTemplate('Phone Number Enrichment');
  await a.market.detail.getByTestId('template-install').click();
  await a.page.getByTestId('install-try').click();
  await expect(a.page.getByTestId('run-mode')).toHaveValue('replay');
  const id = await a.editor.connectorId();
  await a.sync.open();
  await a.page.getByTestId('push-runs').click();
  await expect(a.page.getByTestId('push-runs')).toBeChecked();
  await a.sync.close();
  await expect(b.dashboard.card(id)).toBeVisible({ timeout: 20_000 });
  await expect(b.dashboard.card(id).getByTestId('card-runs')).toHaveText('0');

  await a.page.getByTestId('run-input-phone').fill('+12065550123');
  for (let n = 1; n <= 2; n += 1) {
    await a.page.getByTestId('run-button').click();
    await expect(a.page.getByTestId('run-status')).toHaveText('success', { timeout: 20_000 });
    await expect.poll(async () => Number((await supa.db.query<{ n: number }>(`select count(*)::int as n from connector_executions where workspace_id = $1`, [workspaceId])).rows[0]!.n), { timeout: 20_000 }).toBe(n);
  }

  // Bob has never run it; his card counts Alice's two runs once his app has synced.
  await b.sync.open();
  await b.sync.syncNow();
  await b.sync.close();
  await expect(b.dashboard.card(id).getByTestId('card-runs')).toHaveText('2 (2 by team)');
  await expect(b.dashboard.card(id)).toContainText('100%');
});

test('"Keep both" names the copy after its author; the activity log names connectors, not ids, and logs the resolution once', async ({ browser }) => {
  test.setTimeout(150_000);
  const a = await open(browser, supa, alice);
  const b = await open(browser, supa, bob);
  await a.dashboard.createConnector();
  await a.editor.rename('Email check');
  await a.editor.save();
  const id = await a.editor.connectorId();
  await expect(b.dashboard.cardName(id)).toHaveText('Email check', { timeout: 20_000 });
  await b.dashboard.openConnector(id);

  // Alice renames it from her laptop (straight to the server) just before Bob saves his rename.
  const [row] = (await supa.db.query<Row & { config: Record<string, unknown> }>(`select id, name, revision, config from connectors where workspace_id = $1`, [workspaceId])).rows;
  const asAlice = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await asAlice.auth.signInWithPassword({ email: alice.email, password: alice.password });
  await b.editor.rename('Email check (Bob)');
  const pushed = await asAlice.rpc('sync_push', { p_workspace_id: workspaceId, p_changes: [{ op: 'update', id: row!.id, name: 'Email check (Alice)', config: { ...row!.config, name: 'Email check (Alice)' }, base_revision: row!.revision }] });
  expect(pushed.error).toBeNull();
  await b.editor.save();

  await expect(b.sync.indicator).toHaveAttribute('data-state', 'conflict', { timeout: 20_000 });
  await b.sync.open();
  await expect(b.page.getByTestId('conflict-summary')).toHaveText('name changed');
  await b.page.getByTestId('keep-both').click();
  await expect(b.sync.indicator).toHaveAttribute('data-state', 'synced', { timeout: 20_000 });
  const copyName = `Email check (Bob) (${displayName(bob)}'s copy)`;
  await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Email check (Alice)', copyName]);
  await expect(b.sync.logEntries.filter({ hasText: 'conflict resolved: kept both' })).toHaveCount(1);
  await expect(b.sync.logEntries.filter({ hasText: 'conflict resolved: kept both' })).toContainText('Email check (Bob)');
  for (const text of await b.sync.logEntries.allTextContents()) expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|connector-\d/);
  await b.sync.close();
  await expect(b.editor.nameInput).toHaveValue('Email check (Alice)');

  // Alice's app gets Bob's copy under his name; hers keeps her version.
  await a.shell.goToDashboard();
  await expect(a.dashboard.cards.filter({ hasText: copyName })).toHaveCount(1, { timeout: 20_000 });
  await expect(a.dashboard.cardName(id)).toHaveText('Email check (Alice)');
});
