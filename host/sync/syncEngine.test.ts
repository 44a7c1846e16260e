/**
 * Sync scenarios end to end: SyncEngine → @supabase/supabase-js → local gateway → the real
 * database (PGlite, or DATABASE_URL). Two "devices" are two engines with their own stores.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, removeMember, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { WorkspaceStore } from '../workspace/workspaceStore.js';
import { WorkspaceConnectorStore } from '../account/workspaceConnectorStore.js';
import { MemoryConnectorStore, MemorySyncStateStore } from './memoryStores.js';
import { SyncEngine } from './SyncEngine.js';
import type { LocalDocument, SyncStatusSnapshot } from './types.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let eve: TestUser;

beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice@example.com', 'alice-pw');
  bob = await createUser(supa.db, 'bob@example.com', 'bob-pw');
  eve = await createUser(supa.db, 'eve@example.com', 'eve-pw');
});
afterAll(async () => {
  await supa?.close();
});

let workspaceId: string;
beforeEach(async () => {
  workspaceId = await createWorkspace(supa.db, `ws-${randomUUID().slice(0, 8)}`, alice.id);
  await addMember(supa.db, workspaceId, bob.id, 'member');
});

async function signIn(user: TestUser, url = supa.url): Promise<SupabaseClient> {
  const client = createClient(url, supa.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  const { error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw error;
  return client;
}

const connector = (id: string, name: string, extra: Record<string, unknown> = {}): LocalDocument => ({
  id,
  document: { schemaVersion: 2, id, name, description: '', steps: [{ id: 'lookup', url: 'https://api.example.com/{{email}}' }], edges: [], ...extra },
});

interface Device {
  engine: SyncEngine;
  store: MemoryConnectorStore;
  state: MemorySyncStateStore;
  statuses: SyncStatusSnapshot[];
}

async function device(user: TestUser, docs: LocalDocument[] = [], client?: SupabaseClient): Promise<Device> {
  const store = new MemoryConnectorStore(docs);
  const state = new MemorySyncStateStore();
  const statuses: SyncStatusSnapshot[] = [];
  const engine = new SyncEngine({ client: client ?? (await signIn(user)), workspaceId, store, state, onStatus: (s) => statuses.push(s) });
  return { engine, store, state, statuses };
}

const serverRows = async () =>
  (await supa.db.query<{ id: string; name: string; revision: number; deleted: boolean; description: string | null }>(
    `select id, name, revision, deleted_at is not null as deleted, config->>'description' as description
     from connectors where workspace_id = $1 order by name`,
    [workspaceId],
  )).rows;

const names = async (store: MemoryConnectorStore) => (await store.list()).map((d) => d.document.name).sort();

describe('first sync', () => {
  it('uploads a workspace and a second device downloads exactly the same connectors', async () => {
    const a = await device(alice, [connector('c1', 'Phone Enrichment'), connector('c2', 'Email Validation'), connector('c3', 'Company Data')]);
    const report = await a.engine.syncNow();
    expect(report).toMatchObject({ pushed: 3, conflicts: 0, status: { state: 'synced', pending: 0 } });
    expect((await serverRows()).map((r) => [r.name, r.revision])).toEqual([['Company Data', 1], ['Email Validation', 1], ['Phone Enrichment', 1]]);

    const b = await device(bob);
    expect((await b.engine.syncNow()).pulled).toBe(3);
    expect(await names(b.store)).toEqual(['Company Data', 'Email Validation', 'Phone Enrichment']);
    // The document's own id is kept where it is free.
    expect((await b.store.get('c1'))?.document.name).toBe('Phone Enrichment');
    // Nothing to do on either side now; a second sync of A does not pull its own changes back as edits.
    expect(await a.engine.syncNow()).toMatchObject({ pulled: 0, pushed: 0, status: { state: 'synced' } });
    expect(await b.engine.syncNow()).toMatchObject({ pulled: 0, pushed: 0 });
    expect(a.statuses.map((s) => s.state)).toContain('syncing');
  });
});

describe('two clients editing the same connector', () => {
  async function editedOnBoth() {
    const a = await device(alice, [connector('c1', 'Shared')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    await a.store.save(connector('c1', 'Shared', { description: 'alice edit' }));
    await b.store.save(connector('c1', 'Shared', { description: 'bob edit' }));
    await a.engine.syncNow();
    const report = await b.engine.syncNow();
    return { a, b, report };
  }

  it('surfaces a conflict on the second client and overwrites nothing', async () => {
    const { b, report } = await editedOnBoth();
    expect(report.status).toMatchObject({ state: 'conflict', conflicts: 1 });
    const [conflict] = await b.engine.conflicts();
    expect(conflict).toMatchObject({ localId: 'c1', kind: 'edited_on_both', server: { revision: 2, config: { description: 'alice edit' } } });
    expect((await b.store.get('c1'))?.document.description).toBe('bob edit');
    expect((await serverRows())[0]).toMatchObject({ description: 'alice edit', revision: 2 });
    // Still unresolved after another sync: nothing is pushed over alice's edit.
    await b.engine.syncNow();
    expect((await serverRows())[0]!.description).toBe('alice edit');
  });

  it('keep mine: bob\'s version goes to the server and reaches alice', async () => {
    const { a, b } = await editedOnBoth();
    await b.engine.resolve('c1', 'keep-mine');
    expect(await b.engine.syncNow()).toMatchObject({ pushed: 1, status: { state: 'synced' } });
    expect((await serverRows())[0]).toMatchObject({ description: 'bob edit', revision: 3 });
    await a.engine.syncNow();
    expect((await a.store.get('c1'))?.document.description).toBe('bob edit');
  });

  it('keep theirs: bob takes alice\'s version', async () => {
    const { b } = await editedOnBoth();
    await b.engine.resolve('c1', 'keep-theirs');
    expect((await b.store.get('c1'))?.document.description).toBe('alice edit');
    expect(await b.engine.syncNow()).toMatchObject({ pushed: 0, status: { state: 'synced' } });
  });

  it('keep both: bob keeps his edit as a new connector next to alice\'s', async () => {
    const { a, b } = await editedOnBoth();
    await b.engine.resolve('c1', 'keep-both');
    await b.engine.syncNow();
    expect((await serverRows()).map((r) => [r.name, r.description])).toEqual([['Shared', 'alice edit'], ['Shared (my copy)', 'bob edit']]);
    await a.engine.syncNow();
    expect(await names(a.store)).toEqual(['Shared', 'Shared (my copy)']);
  });
});

describe('delete versus edit', () => {
  it('a delete reaches a client that had not edited the connector', async () => {
    const a = await device(alice, [connector('c1', 'Doomed'), connector('c2', 'Kept')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    await a.store.delete('c1');
    await a.engine.syncNow();
    expect((await serverRows()).map((r) => [r.name, r.deleted])).toEqual([['Doomed', true], ['Kept', false]]);
    await b.engine.syncNow();
    expect(await names(b.store)).toEqual(['Kept']);
  });

  it('an edit made while the other client deleted is kept as a conflict, and keep mine revives it', async () => {
    const a = await device(alice, [connector('c1', 'Contested')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    await a.store.delete('c1');
    await a.engine.syncNow();
    await b.store.save(connector('c1', 'Contested', { description: 'still needed' }));
    const report = await b.engine.syncNow();
    expect(report.status.state).toBe('conflict');
    expect((await b.engine.conflicts())[0]).toMatchObject({ kind: 'deleted_on_server' });
    expect((await b.store.get('c1'))?.document.description).toBe('still needed');
    await b.engine.resolve('c1', 'keep-mine');
    await b.engine.syncNow();
    expect((await serverRows())[0]).toMatchObject({ deleted: false, description: 'still needed' });
    await a.engine.syncNow();
    expect((await a.store.get('c1'))?.document.description).toBe('still needed');
  });

  it('a delete made while the other client edited conflicts instead of deleting the edit', async () => {
    const a = await device(alice, [connector('c1', 'Edited')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    await a.store.save(connector('c1', 'Edited', { description: 'new' }));
    await a.engine.syncNow();
    await b.store.delete('c1');
    const report = await b.engine.syncNow();
    expect(report.status.state).toBe('conflict');
    expect((await b.engine.conflicts())[0]).toMatchObject({ kind: 'edited_on_server_deleted_here' });
    expect((await serverRows())[0]).toMatchObject({ deleted: false, description: 'new' });
    await b.engine.resolve('c1', 'keep-theirs');
    expect((await b.store.get('c1'))?.document.description).toBe('new');
  });
});

describe('a connection dropped mid-push, then retried', () => {
  it('after the server committed: the retry creates nothing twice and loses nothing', async () => {
    const docs = Array.from({ length: 5 }, (_, i) => connector(`c${i}`, `Conn ${i}`));
    const a = await device(alice, docs);
    supa.injectFault({ path: '/rest/v1/rpc/sync_push', when: 'after-commit' });
    const failed = await a.engine.syncNow();
    expect(failed.status).toMatchObject({ state: 'offline', pending: 5 });
    expect(await serverRows()).toHaveLength(5); // committed, answer lost
    // Meanwhile the user edits one of them.
    await a.store.save(connector('c0', 'Conn 0', { description: 'edited offline' }));
    const retried = await a.engine.syncNow();
    expect(retried.status).toMatchObject({ state: 'synced', pending: 0, conflicts: 0 });
    const rows = await serverRows();
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.name === 'Conn 0')).toMatchObject({ description: 'edited offline', revision: 2 });
  });

  it('before the server saw it: the retry applies everything once', async () => {
    const a = await device(alice, [connector('c1', 'Late')]);
    supa.injectFault({ path: '/rest/v1/rpc/sync_push', when: 'before' });
    expect((await a.engine.syncNow()).status.state).toBe('offline');
    expect(await serverRows()).toHaveLength(0);
    expect((await a.engine.syncNow()).status.state).toBe('synced');
    expect((await serverRows()).map((r) => r.revision)).toEqual([1]);
  });

  it('a dropped pull resumes from the persisted cursor', async () => {
    const a = await device(alice, [connector('c1', 'One'), connector('c2', 'Two')]);
    await a.engine.syncNow();
    const b = await device(bob);
    supa.injectFault({ path: '/rest/v1/rpc/sync_pull', when: 'after-commit' });
    expect((await b.engine.syncNow()).status.state).toBe('offline');
    expect(await b.store.list()).toHaveLength(0);
    await b.engine.syncNow();
    expect(await names(b.store)).toEqual(['One', 'Two']);
  });

  it('works offline: an unreachable server leaves everything pending and local', async () => {
    const offlineClient = await signIn(alice);
    const a = await device(alice, [connector('c1', 'Offline')], createClient('http://127.0.0.1:1', supa.anonKey, {
      auth: { persistSession: false, autoRefreshToken: false },
      realtime: { transport: WebSocket as never },
      global: { headers: { Authorization: `Bearer ${(await offlineClient.auth.getSession()).data.session!.access_token}` } },
    }));
    const report = await a.engine.syncNow();
    expect(report.status).toMatchObject({ state: 'offline', pending: 1 });
    expect(await names(a.store)).toEqual(['Offline']);
  });
});

describe('a revoked membership', () => {
  it('stops syncing with a clear error, keeps local work, and leaks nothing from other workspaces', async () => {
    const other = await createWorkspace(supa.db, 'Eve Co', eve.id);
    await supa.db.query(`insert into connectors (workspace_id, name, config) values ($1, 'Eve secret connector', '{}')`, [other]);
    const b = await device(bob, [connector('b1', 'Bob local')]);
    await b.engine.syncNow();
    await removeMember(supa.db, workspaceId, bob.id);
    await b.store.save(connector('b2', 'Made after revocation'));
    const report = await b.engine.syncNow();
    expect(report.status).toMatchObject({ state: 'error', reason: 'revoked' });
    expect(report.status.message).toMatch(/no longer have access/);
    expect(await names(b.store)).toEqual(['Bob local', 'Made after revocation']);
    expect((await serverRows()).map((r) => r.name)).toEqual(['Bob local']);

    // Pointing the engine at someone else's workspace is refused the same way.
    const sneaky = new SyncEngine({ client: await signIn(bob), workspaceId: other, store: new MemoryConnectorStore(), state: new MemorySyncStateStore() });
    expect((await sneaky.syncNow()).status.reason).toBe('revoked');
  });
});

describe('status and log', () => {
  it('reports pending local changes and logs what synced', async () => {
    const a = await device(alice, [connector('c1', 'Logged')]);
    expect(await a.engine.status()).toMatchObject({ state: 'pending', pending: 1 });
    await a.engine.syncNow();
    await a.store.save(connector('c1', 'Logged', { description: 'v2' }));
    expect(await a.engine.status()).toMatchObject({ state: 'pending', pending: 1 });
    await a.engine.syncNow();
    expect((await a.engine.log()).map((e) => `${e.direction}:${e.action}:${e.name}`)).toEqual(['push:created:Logged', 'push:updated:Logged']);
  });

  it('names deleted connectors (not their ids), logs a conflict once however often it is seen, and its resolution once', async () => {
    const a = await device(alice, [connector('c1', 'Named'), connector('c2', 'Contested')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    await a.store.delete('c1');
    await a.engine.syncNow();
    expect((await a.engine.log()).at(-1)).toMatchObject({ action: 'deleted', name: 'Named' });

    await b.store.save(connector('c2', 'Contested', { description: 'bob' }));
    for (const text of ['alice 1', 'alice 2']) {
      await a.store.save(connector('c2', 'Contested', { description: text }));
      await a.engine.syncNow();
      await b.engine.syncNow();
    }
    await b.engine.resolve('c2', 'keep-theirs');
    expect((await b.engine.log()).filter((e) => e.name === 'Contested' && e.action !== 'created').map((e) => [e.action, e.detail])).toEqual([['conflict', undefined], ['resolved', 'kept theirs']]);
  });

  it('concurrent syncNow calls share one sync', async () => {
    const a = await device(alice, [connector('c1', 'Once')]);
    const before = supa.stats.byRoute.get('POST /rest/v1/rpc/sync_push') ?? 0;
    const [r1, r2] = await Promise.all([a.engine.syncNow(), a.engine.syncNow()]);
    expect(r1).toBe(r2);
    expect((supa.stats.byRoute.get('POST /rest/v1/rpc/sync_push') ?? 0) - before).toBe(1);
  });
});

describe('a teammate\'s document that is not a connector (issue 11: one member could stall everyone\'s sync)', () => {
  const broken = { name: 'Broken', steps: [{ foo: 1 }] };

  // The table API (which the local gateway does not serve) is checked the same way: supabase/tests/sync-rpc.test.ts.
  it('supabase-js: sync_push answers 400 with the problem, and nothing is stored', async () => {
    const client = await signIn(alice);
    const result = await client.rpc('sync_push', { p_workspace_id: workspaceId, p_changes: [{ op: 'create', id: randomUUID(), name: 'Broken', config: broken }] });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: '22023', message: expect.stringContaining('was not saved: step 1 needs an id') });
    expect(await serverRows()).toEqual([]);
  });

  it('one already on the server (an older server, or a service write) is set aside; the rest of the sync goes on', async () => {
    const a = await device(alice, [connector('c1', 'Good one'), connector('c2', 'Good two')]);
    await a.engine.syncNow();
    // Written as the database owner: the check covers client writes only.
    const { rows } = await supa.db.query<{ id: string }>(`insert into connectors (workspace_id, name, config) values ($1, 'Broken', $2) returning id`, [workspaceId, JSON.stringify(broken)]);
    const brokenId = rows[0]!.id;

    const b = await device(bob);
    const first = await b.engine.syncNow();
    expect(first).toMatchObject({ pulled: 2, status: { state: 'synced', setAside: 1, message: expect.stringContaining('Broken from the team was set aside') } });
    expect(first.status.message).toContain('step 1 id');
    expect(await names(b.store)).toEqual(['Good one', 'Good two']);
    expect((await b.state.load())?.setAside?.[brokenId]).toMatchObject({ name: 'Broken', revision: 1, config: broken });
    expect((await b.engine.log()).map((e) => `${e.action}:${e.name}`)).toContain('set_aside:Broken');

    // Later syncs are not stalled: bob's own work goes out.
    await b.store.save(connector('b1', 'Bob new'));
    expect(await b.engine.syncNow()).toMatchObject({ pushed: 1, status: { state: 'synced', setAside: 1 } });

    // Once someone fixes it, it arrives like any other change and the note goes away.
    await supa.db.query(`update connectors set config = $2 where id = $1`, [brokenId, JSON.stringify(connector('x', 'Broken').document)]);
    const fixed = await b.engine.syncNow();
    expect(fixed.status).toMatchObject({ state: 'synced' });
    expect(fixed.status.setAside).toBeUndefined();
    expect(await names(b.store)).toEqual(['Bob new', 'Broken', 'Good one', 'Good two']);
  });

  it('an invalid teammate version is never taken over a local connector, even by "keep theirs"', async () => {
    const a = await device(alice, [connector('c1', 'Shared')]);
    await a.engine.syncNow();
    const b = await device(bob);
    await b.engine.syncNow();
    const remoteId = (await supa.db.query<{ id: string }>(`select id from connectors where workspace_id = $1`, [workspaceId])).rows[0]!.id;
    await supa.db.query(`update connectors set config = $2 where id = $1`, [remoteId, JSON.stringify(broken)]);
    expect((await b.engine.syncNow()).status).toMatchObject({ state: 'synced', setAside: 1 });
    expect((await b.store.get('c1'))?.document.steps).toEqual([{ id: 'lookup', url: 'https://api.example.com/{{email}}' }]);
    // Bob edits: his push meets the broken revision as a conflict; theirs cannot be taken, mine can.
    await b.store.save(connector('c1', 'Shared', { description: 'bob' }));
    expect((await b.engine.syncNow()).status.state).toBe('conflict');
    await expect(b.engine.resolve('c1', 'keep-theirs')).rejects.toThrow(/not a valid connector.*Keep yours/);
    await b.engine.resolve('c1', 'keep-mine');
    expect((await b.engine.syncNow()).status).toMatchObject({ state: 'synced' });
    expect((await serverRows())[0]).toMatchObject({ description: 'bob' });
  });

  it('syncNow resolves with an error status (it used to reject) when a local file does not load', async () => {
    const folder = await makeTempDir('cs-sync-broken-');
    try {
      const workspace = new WorkspaceStore(folder.dir);
      await writeFile(join(folder.dir, 'broken.connector.json'), JSON.stringify({ schemaVersion: 2, id: 'x', name: 'X', steps: [{ foo: 1 }] }));
      const engine = new SyncEngine({ client: await signIn(alice), workspaceId, store: new WorkspaceConnectorStore(workspace), state: new MemorySyncStateStore() });
      const report = await engine.syncNow();
      expect(report.status).toMatchObject({ state: 'error', message: expect.stringContaining('broken.connector.json is not a valid connector') });
      expect(await engine.status()).toMatchObject({ state: 'error' });
    } finally {
      await folder.cleanup();
    }
  });
});

describe('server revisions (nobody\'s work disappears silently)', () => {
  async function deviceOf(user: TestUser, docs: LocalDocument[] = []): Promise<Device> {
    const store = new MemoryConnectorStore(docs);
    const state = new MemorySyncStateStore();
    const statuses: SyncStatusSnapshot[] = [];
    const engine = new SyncEngine({ client: await signIn(user), workspaceId, store, state, userId: user.id, onStatus: (s) => statuses.push(s) });
    return { engine, store, state, statuses };
  }

  it('keep mine: the teammate whose revision was saved over is told, finds it in History and restores it', async () => {
    const a = await deviceOf(alice, [connector('c1', 'Phone lookup')]);
    await a.engine.syncNow();
    const b = await deviceOf(bob);
    await b.engine.syncNow();
    await a.store.save(connector('c1', 'Phone lookup', { description: 'alice edit' }));
    await b.store.save(connector('c1', 'Phone lookup', { description: 'bob edit' }));
    await a.engine.syncNow();
    expect((await b.engine.syncNow()).status.state).toBe('conflict');
    await b.engine.resolve('c1', 'keep-mine');
    await b.engine.syncNow();

    await a.engine.syncNow();
    expect((await a.store.get('c1'))?.document.description).toBe('bob edit');
    const notices = await a.engine.notices();
    expect(notices.map((n) => n.message)).toEqual(['Bob kept their version of Phone lookup; yours is in History (revision 2).']);
    // Bob, who did it, is told nothing; a second pull does not repeat the notice.
    expect(await b.engine.notices()).toEqual([]);
    await a.engine.syncNow();
    expect(await a.engine.notices()).toHaveLength(1);

    const history = await a.engine.history('c1');
    expect(history.map((r) => [r.revision, r.kind, r.authorName, r.mine, r.replacedRevision])).toEqual([
      [3, 'kept_mine', 'Bob', false, 2],
      [2, 'edited', 'Alice', true, null],
      [1, 'created', 'Alice', true, null],
    ]);

    await a.engine.restore('c1', 2);
    expect((await a.store.get('c1'))?.document.description).toBe('alice edit');
    expect(await a.engine.syncNow()).toMatchObject({ pushed: 1, status: { state: 'synced' } });
    expect((await serverRows())[0]).toMatchObject({ description: 'alice edit', revision: 4 });
    expect((await a.engine.history('c1'))[0]).toMatchObject({ revision: 4, kind: 'restored', restoredFrom: 2, authorName: 'Alice' });
    // Bob gets the restored version like any other edit.
    await b.engine.syncNow();
    expect((await b.store.get('c1'))?.document.description).toBe('alice edit');

    await a.engine.dismissNotice(notices[0]!.id);
    expect(await a.engine.notices()).toEqual([]);
  });

  it("the editor's keep mine (over a teammate's revision pulled under unsaved edits) is recorded as kept_mine, logged once", async () => {
    const a = await deviceOf(alice, [connector('c1', 'Phone lookup')]);
    await a.engine.syncNow();
    const b = await deviceOf(bob);
    await b.engine.syncNow();
    // Alice saves; Bob's pull writes it under his open editor (no local change yet: no conflict).
    await a.store.save(connector('c1', 'Phone lookup', { description: 'alice edit' }));
    await a.engine.syncNow();
    expect((await b.engine.syncNow()).status.state).toBe('synced');
    // Bob chooses "Keep mine": told before his version replaces the file.
    expect(await b.engine.keepMineOver('c1', 'Phone lookup (Bob)')).toBe(true);
    await b.store.save(connector('c1', 'Phone lookup (Bob)', { description: 'bob edit' }));
    expect(await b.engine.syncNow()).toMatchObject({ pushed: 1, status: { state: 'synced' } });
    expect((await b.engine.log()).filter((e) => e.action === 'resolved').map((e) => [e.name, e.detail])).toEqual([['Phone lookup (Bob)', 'kept mine']]);

    await a.engine.syncNow();
    expect((await a.engine.notices()).map((n) => n.message)).toEqual(['Bob kept their version of Phone lookup (Bob); yours is in History (revision 2).']);
    expect((await a.engine.history('c1')).slice(0, 2).map((r) => [r.revision, r.kind, r.authorName, r.replacedRevision])).toEqual([
      [3, 'kept_mine', 'Bob', 2],
      [2, 'edited', 'Alice', null],
    ]);
    // A later plain edit is an ordinary one again.
    await b.store.save(connector('c1', 'Phone lookup (Bob)', { description: 'bob again' }));
    await b.engine.syncNow();
    expect((await b.engine.history('c1'))[0]).toMatchObject({ revision: 4, kind: 'edited' });
  });

  it('keep mine over a file that is not the synced revision (an unsynced edit on disk) records nothing', async () => {
    const b = await deviceOf(bob, [connector('c1', 'Notes')]);
    await b.engine.syncNow();
    await b.store.save(connector('c1', 'Notes', { description: 'edited on disk' }));
    expect(await b.engine.keepMineOver('c1')).toBe(false);
    expect(await b.engine.keepMineOver('unknown')).toBe(false);
    await b.engine.syncNow();
    expect((await b.engine.history('c1'))[0]).toMatchObject({ revision: 2, kind: 'edited' });
  });

  it('a plain edit after a restore carries no note; a deletion cannot be restored as such', async () => {
    const a = await deviceOf(alice, [connector('c1', 'Notes')]);
    await a.engine.syncNow();
    await a.store.save(connector('c1', 'Notes', { description: 'two' }));
    await a.engine.syncNow();
    await a.engine.restore('c1', 1);
    await a.engine.syncNow();
    await a.store.save(connector('c1', 'Notes', { description: 'four' }));
    await a.engine.syncNow();
    expect((await a.engine.history('c1')).map((r) => r.kind)).toEqual(['edited', 'restored', 'edited', 'created']);
    await expect(a.engine.restore('c1', 99)).rejects.toThrow(/not in this connector's history/);
  });

  it('an outsider sees none of the workspace\'s history', async () => {
    const a = await deviceOf(alice, [connector('c1', 'Private')]);
    await a.engine.syncNow();
    const remoteId = (await supa.db.query<{ id: string }>(`select id from connectors where workspace_id = $1`, [workspaceId])).rows[0]!.id;
    const outsider = await signIn(eve);
    const { data, error } = await outsider.from('connector_revisions').select('revision,config').eq('connector_id', remoteId);
    expect(error).toBeNull();
    expect(data).toEqual([]);
  });
});

describe('changes pulled from a teammate name them', () => {
  it('a delete by bob reaches alice as "by Bob"; her own other device\'s changes carry no name', async () => {
    const a = new MemoryConnectorStore([connector('c1', 'Phone lookup')]);
    const aliceEngine = new SyncEngine({ client: await signIn(alice), workspaceId, store: a, state: new MemorySyncStateStore(), userId: alice.id });
    await aliceEngine.syncNow();
    const b = new MemoryConnectorStore();
    const bobEngine = new SyncEngine({ client: await signIn(bob), workspaceId, store: b, state: new MemorySyncStateStore(), userId: bob.id });
    await bobEngine.syncNow();
    expect(b.origins.get('c1')).toEqual({ by: 'Alice' });

    await b.delete('c1');
    await bobEngine.syncNow();
    await aliceEngine.syncNow();
    expect(await a.get('c1')).toBeNull();
    expect(a.origins.get('c1')).toEqual({ by: 'Bob' });

    const laptop = new MemoryConnectorStore([connector('c2', 'Second')]);
    await new SyncEngine({ client: await signIn(alice), workspaceId, store: laptop, state: new MemorySyncStateStore(), userId: alice.id }).syncNow();
    await aliceEngine.syncNow();
    expect(a.origins.get('c2')).toEqual({});
  });
});

describe('literal secrets are not pushed to the team', () => {
  const TOKEN = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
  const withLiteral = (id: string, name: string) => connector(id, name, { steps: [{ id: 'lookup', url: 'https://api.example.com/{{email}}', headers: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }] }], inputs: [{ name: 'email' }] });

  it('holds a connector back until the literal moves into a credential, then pushes only the reference', async () => {
    const a = await device(alice, [withLiteral('c1', 'Phone lookup'), connector('c2', 'Clean')]);
    const report = await a.engine.syncNow();
    expect(report.status).toMatchObject({ state: 'synced', held: 1, message: expect.stringContaining('Phone lookup is not shared with the team: the "Authorization" header of step lookup holds a literal secret') });
    expect((await serverRows()).map((r) => r.name)).toEqual(['Clean']);
    expect(await a.engine.held()).toEqual([{ localId: 'c1', name: 'Phone lookup', reason: 'the "Authorization" header of step lookup holds a literal secret' }]);

    const { heldConnectors, moveHeldSecret } = await import('../account/heldConnectors.js');
    const [held] = await heldConnectors(a.store);
    expect(held!.secrets).toEqual([{ path: 'steps[0].headers[0].value', where: 'the "Authorization" header of step lookup', suggestedName: 'api_token', mask: expect.not.stringContaining(TOKEN) }]);
    const vault: Record<string, string> = { api_token: 'another value' };
    const name = await moveHeldSecret(a.store, { values: async () => ({ ...vault }), set: async (n, v) => { vault[n] = v; } }, 'c1', held!.secrets[0]!.path);
    expect(name).toBe('api_token_2');
    expect(vault.api_token_2).toBe(TOKEN);

    expect(await a.engine.syncNow()).toMatchObject({ pushed: 1, status: { state: 'synced' } });
    expect((await a.engine.status()).held).toBeUndefined();
    const { rows } = await supa.db.query<{ config: string }>(`select config::text as config from connectors where workspace_id = $1 and name = 'Phone lookup'`, [workspaceId]);
    expect(rows[0]!.config).toContain('Bearer {{credentials.api_token_2}}');
    expect(rows[0]!.config).not.toContain(TOKEN);
    const history = await supa.db.query<{ config: string }>(`select r.config::text as config from connector_revisions r join connectors c on c.id = r.connector_id where c.workspace_id = $1`, [workspaceId]);
    expect(history.rows.every((r) => !r.config.includes(TOKEN))).toBe(true);
  });

  it('an already shared connector that gains a literal keeps its last shared revision on the server', async () => {
    const a = await device(alice, [connector('c1', 'Shared')]);
    await a.engine.syncNow();
    await a.store.save(withLiteral('c1', 'Shared'));
    expect((await a.engine.syncNow()).status).toMatchObject({ held: 1, pending: 0 });
    expect((await serverRows())[0]).toMatchObject({ revision: 1 });
  });
});
