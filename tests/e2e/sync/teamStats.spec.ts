/**
 * Issue 16 §4, team statistics, in browser mode against the local gateway: Bob's folder is
 * linked to a workspace he shares with Alice; Alice's app uploads two runs of their shared
 * connector (record_execution through supabase-js, as her app's run uploader does). Bob has
 * never run it, yet his dashboard card counts her runs ("2 (2 by team)"); before, it said 0.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { SyncPanelPage } from './syncPanelPage.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let workspaceId: string;
let workspaceName: string;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
  const tag = randomUUID().slice(0, 6);
  alice = await createUser(supa.db, `alice-${tag}@example.com`, 'alice-password');
  bob = await createUser(supa.db, `bob-${tag}@example.com`, 'bob-password');
  workspaceName = `Growth team ${tag}`;
  workspaceId = await createWorkspace(supa.db, workspaceName, alice.id);
  await addMember(supa.db, workspaceId, bob.id);
});
test.afterAll(async () => {
  await supa?.close();
});

test('a connector card counts the runs teammates uploaded', async ({ page, app, workspaceDir, shell, chooser, dashboard }) => {
  const connector = { schemaVersion: 2, id: 'shared_lookup', name: 'Shared lookup', steps: [{ id: 'lookup', url: 'https://api.example.com/x' }] };
  await writeFile(join(workspaceDir, 'shared-lookup.connector.json'), JSON.stringify(connector, null, 2));
  const sync = new SyncPanelPage(page);
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await expect(dashboard.card('shared_lookup').getByTestId('card-runs')).toHaveText('0');
  await sync.link(supa, bob, workspaceName);
  await expect
    .poll(async () => (await supa.db.query<{ id: string }>(`select id from connectors where workspace_id = $1 and name = 'Shared lookup'`, [workspaceId])).rows.length, { timeout: 15_000 })
    .toBe(1);
  const [{ id: remoteId }] = (await supa.db.query<{ id: string }>(`select id from connectors where workspace_id = $1 and name = 'Shared lookup'`, [workspaceId])).rows as [{ id: string }];

  // Alice's app uploads two finished runs of the shared connector.
  const asAlice = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await asAlice.auth.signInWithPassword({ email: alice.email, password: alice.password });
  for (const status of ['success', 'failed']) {
    const { error } = await asAlice.rpc('record_execution', { p_workspace_id: workspaceId, p_connector_id: remoteId, p_status: status, p_client_run_id: randomUUID(), p_execution_time_ms: 40, p_completed_at: new Date().toISOString() });
    if (error) throw new Error(error.message);
  }

  // Bob syncs: his card counts Alice's runs as soon as the sync is done.
  await sync.open();
  await sync.syncNow();
  await sync.close();
  await expect(dashboard.card('shared_lookup').getByTestId('card-runs')).toHaveText('2 (2 by team)');
  await expect(dashboard.card('shared_lookup')).toContainText('50%');
});
