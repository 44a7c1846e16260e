/**
 * Issue 5 end to end in browser mode: a local Supabase (the test gateway on PGlite, or
 * PostgreSQL with DATABASE_URL) with a seeded user and workspace; the app is configured,
 * signed in and linked through the UI, a saved connector reaches the database, a change
 * made on the server by another member reaches the app, and a conflict is resolved in the
 * Monaco diff.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, freePort, startGateway, startLocalSupabase, type Gateway, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { SyncPanelPage } from './syncPanelPage.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let workspaceId: string;
let workspaceName: string;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, `alice-${randomUUID().slice(0, 6)}@example.com`, 'alice-password');
  bob = await createUser(supa.db, `bob-${randomUUID().slice(0, 6)}@example.com`, 'bob-password');
});
test.afterAll(async () => {
  await supa?.close();
});
test.beforeEach(async () => {
  workspaceName = `Growth team ${randomUUID().slice(0, 4)}`;
  workspaceId = await createWorkspace(supa.db, workspaceName, alice.id);
  await addMember(supa.db, workspaceId, bob.id);
});

interface Row {
  id: string;
  name: string;
  revision: number;
  config: Record<string, unknown>;
}
const rows = async () => (await supa.db.query<Row>(`select id, name, revision, config from connectors where workspace_id = $1 and deleted_at is null order by name`, [workspaceId])).rows;

/** Another member changes a connector on the server, exactly as another app would (sync_push). */
async function editOnServerAsBob(row: Row, changes: Record<string, unknown>): Promise<void> {
  const client = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const { error: signInError } = await client.auth.signInWithPassword({ email: bob.email, password: bob.password });
  if (signInError) throw signInError;
  const config = { ...row.config, ...changes };
  const { data, error } = await client.rpc('sync_push', {
    p_workspace_id: workspaceId,
    p_changes: [{ op: 'update', id: row.id, name: config.name, config, base_revision: row.revision }],
  });
  if (error) throw new Error(error.message);
  expect(data).toMatchObject([{ status: 'applied', revision: row.revision + 1 }]);
}

test('sign in, pick a workspace, save a connector, see it in the database, edit it on the server, see the app update', async ({ page, app, workspaceDir, shell, chooser, dashboard, editor }) => {
  const sync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await expect(sync.indicator).toHaveAttribute('data-state', 'signed_out');
  await sync.link(supa, alice, workspaceName);
  await expect(sync.indicator).toHaveAttribute('data-state', 'synced');

  await dashboard.createConnector();
  await editor.rename('Phone lookup');
  await editor.save();
  const id = await editor.connectorId();
  // Synced on save, without asking.
  await expect.poll(async () => (await rows()).map((r) => [r.name, r.config.id]), { timeout: 20_000 }).toEqual([['Phone lookup', id]]);
  await expect(sync.indicator).toHaveAttribute('data-state', 'synced');

  const [row] = await rows();
  await editOnServerAsBob(row!, { name: 'Phone lookup (team)', description: 'renamed by bob' });
  await sync.open();
  await sync.syncNow();
  await expect(sync.logEntries.first()).toContainText('Phone lookup (team)');
  await expect(sync.logEntries.first()).toContainText('updated');
  await sync.close();

  await shell.goToDashboard();
  await expect(dashboard.cardName(id)).toHaveText('Phone lookup (team)');
  expect((await readdir(workspaceDir)).filter((f) => f.endsWith('.connector.json'))).toHaveLength(1);
});

test('a conflict shows both versions in a diff and "keep theirs" takes the server\'s', async ({ page, app, workspaceDir, shell, chooser, dashboard, editor }) => {
  // This app talks to a gateway of its own on the same database. While that gateway is closed, the
  // app cannot pull Bob's change before its own save: the conflict does not depend on timing (the
  // app polls the project every few seconds, and under load a poll landed between the two saves).
  const port = await freePort();
  let gateway: Gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });
  try {
    const sync = new SyncPanelPage(page);
    await shell.open(app.url);
    await chooser.open(workspaceDir);
    await sync.link(gateway, alice, workspaceName);
    await dashboard.createConnector();
    await editor.rename('Email check');
    await editor.save();
    const id = await editor.connectorId();
    await expect.poll(async () => (await rows()).map((r) => r.name), { timeout: 20_000 }).toEqual(['Email check']);
    await expect(sync.indicator).toHaveAttribute('data-state', 'synced');

    // Bob renames it on the server while this app cannot reach it; it is renamed here too.
    await gateway.close();
    const [row] = await rows();
    await editOnServerAsBob(row!, { name: 'Email check (bob)' });
    await editor.rename('Email check (mine)');
    await editor.save();
    gateway = await startGateway({ db: supa.db, jwtSecret: supa.jwtSecret, port });

    await expect(sync.indicator).toHaveAttribute('data-state', 'conflict', { timeout: 20_000 });
    expect((await rows()).map((r) => r.name)).toEqual(['Email check (bob)']); // nothing overwritten
    await sync.open();
    await expect(sync.conflicts).toHaveCount(1);
    const diff = page.getByTestId('conflict-diff');
    await expect(diff.locator('.monaco-diff-editor')).toBeVisible();
    await expect(diff).toContainText('Email check (mine)');
    await expect(diff).toContainText('Email check (bob)');
    // Both sides in the same canonical form: the summary names the one field that differs.
    await expect(page.getByTestId('conflict-summary')).toHaveText('name changed');
    await page.getByTestId('keep-theirs').click();
    await expect(sync.conflicts).toHaveCount(0);
    await expect(sync.indicator).toHaveAttribute('data-state', 'synced');
    await sync.close();

    await shell.goToDashboard();
    await expect(dashboard.cardName(id)).toHaveText('Email check (bob)');
    expect((await rows()).map((r) => r.name)).toEqual(['Email check (bob)']);
  } finally {
    await gateway.close();
  }
});
