/**
 * A pull's write to the folder colliding with the user's own save (the editor saves between the
 * engine reading a file and writing a teammate's revision over it): the write is refused by the
 * folder store's compare-and-swap, and the sync used to end in `error` until the next full sync a
 * minute later. Now the engine re-reads and tries again shortly: both edits survive (a conflict to
 * resolve), nothing stalls. Real folder (WorkspaceStore), real gateway and database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { addMember, createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { validateConnector, type Connector } from '#core';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { WorkspaceStore } from '../workspace/workspaceStore.js';
import { WorkspaceConnectorStore } from '../account/workspaceConnectorStore.js';
import { MemoryConnectorStore, MemorySyncStateStore } from './memoryStores.js';
import { LocalWriteRace } from './LocalWriteRace.js';
import { RACE_RETRY_DELAYS_MS, SyncEngine } from './SyncEngine.js';
import type { ChangeOrigin, LocalConnectorStore, LocalDocument } from './types.js';

let supa: LocalSupabase;
let alice: TestUser;
let bob: TestUser;
let workspaceId: string;

beforeAll(async () => {
  supa = await startLocalSupabase();
  alice = await createUser(supa.db, 'alice-race@example.com', 'alice-pw');
  bob = await createUser(supa.db, 'bob-race@example.com', 'bob-pw');
});
afterAll(async () => {
  await supa?.close();
});
beforeEach(async () => {
  workspaceId = await createWorkspace(supa.db, `ws-${randomUUID().slice(0, 8)}`, alice.id);
  await addMember(supa.db, workspaceId, bob.id, 'member');
});

const folders: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of folders.splice(0)) await cleanup();
});

async function signIn(user: TestUser): Promise<SupabaseClient> {
  const client = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const { error } = await client.auth.signInWithPassword({ email: user.email, password: user.password });
  if (error) throw error;
  return client;
}

/** In the form the folder stores (as the editor saves it), so a pulled copy hashes the same. */
const connector = (id: string, name: string, extra: Record<string, unknown> = {}): LocalDocument => {
  const loaded = validateConnector({ schemaVersion: 2, id, name, description: '', steps: [{ id: 'lookup', url: 'https://api.example.com/lookup' }], edges: [], ...extra });
  return { id, document: loaded.connector as unknown as Record<string, unknown> };
};

/** The folder store, with a hook that runs just before each write the engine makes (where the user's save lands). */
class RacingStore implements LocalConnectorStore {
  beforeWrite: (() => Promise<void>) | null = null;
  writes = 0;
  constructor(private readonly inner: WorkspaceConnectorStore) {}
  list() {
    return this.inner.list();
  }
  get(id: string) {
    return this.inner.get(id);
  }
  async save(doc: LocalDocument, origin?: ChangeOrigin) {
    this.writes += 1;
    await this.beforeWrite?.();
    return this.inner.save(doc, origin);
  }
  async delete(id: string, origin?: ChangeOrigin) {
    this.writes += 1;
    await this.beforeWrite?.();
    return this.inner.delete(id, origin);
  }
}

/** Bob's app: a real folder, and what the editor does when he saves (a write to the file). */
async function bobsFolder() {
  const folder = await makeTempDir('cs-sync-race-');
  folders.push(folder.cleanup);
  const workspace = new WorkspaceStore(folder.dir);
  const store = new RacingStore(new WorkspaceConnectorStore(workspace));
  const engine = new SyncEngine({ client: await signIn(bob), workspaceId, store, state: new MemorySyncStateStore() });
  const editorSave = async (doc: LocalDocument) => {
    const result = await workspace.save(doc.document as unknown as Connector, { force: true });
    expect(result.status).toBe('saved');
  };
  const onDisk = async (id: string) => (await workspace.get(id)).connector as unknown as Record<string, unknown>;
  return { workspace, store, engine, editorSave, onDisk };
}

const serverRow = async () =>
  (await supa.db.query<{ name: string; revision: number; deleted: boolean; description: string | null }>(
    `select name, revision, deleted_at is not null as deleted, config->>'description' as description from connectors where workspace_id = $1`,
    [workspaceId],
  )).rows;

async function sharedConnector() {
  const aliceStore = new MemoryConnectorStore([connector('c1', 'Shared')]);
  const aliceEngine = new SyncEngine({ client: await signIn(alice), workspaceId, store: aliceStore, state: new MemorySyncStateStore() });
  expect((await aliceEngine.syncNow()).status.state).toBe('synced');
  const b = await bobsFolder();
  expect((await b.engine.syncNow()).status.state).toBe('synced');
  expect((await b.onDisk('c1')).name).toBe('Shared');
  return { aliceStore, aliceEngine, b };
}

describe("a pull's write colliding with a local save", () => {
  it("a teammate's edit pulled while the user saves: no error, both edits kept as a conflict", async () => {
    const { aliceStore, aliceEngine, b } = await sharedConnector();
    await aliceStore.save(connector('c1', 'Shared', { description: 'alice edit' }));
    await aliceEngine.syncNow();

    // Bob saves just as the pull is about to write Alice's revision into his file.
    let raced = 0;
    b.store.beforeWrite = async () => {
      if (raced++ === 0) await b.editorSave(connector('c1', 'Shared', { description: 'bob edit' }));
    };
    const report = await b.engine.syncNow();
    expect(raced).toBeGreaterThan(0);
    expect(report.status).toMatchObject({ state: 'conflict', conflicts: 1 });
    expect(report.status.message ?? '').not.toMatch(/changed on disk/);
    // Bob's save is on disk; Alice's revision is on the server and in the conflict, to compare.
    expect((await b.onDisk('c1')).description).toBe('bob edit');
    const [conflict] = await b.engine.conflicts();
    expect(conflict).toMatchObject({ localId: 'c1', kind: 'edited_on_both', server: { revision: 2, config: { description: 'alice edit' } } });
    expect(await serverRow()).toEqual([{ name: 'Shared', revision: 2, deleted: false, description: 'alice edit' }]);

    // Keep both: each edit ends up on the server, nobody's lost.
    await b.engine.resolve('c1', 'keep-both');
    expect((await b.engine.syncNow()).status.state).toBe('synced');
    expect((await serverRow()).map((r) => r.description).sort()).toEqual(['alice edit', 'bob edit']);
  });

  it("a teammate's delete pulled while the user saves: the file is not deleted, the conflict says so", async () => {
    const { aliceStore, aliceEngine, b } = await sharedConnector();
    await aliceStore.delete('c1');
    await aliceEngine.syncNow();

    let raced = 0;
    b.store.beforeWrite = async () => {
      if (raced++ === 0) await b.editorSave(connector('c1', 'Shared', { description: 'bob edit' }));
    };
    const report = await b.engine.syncNow();
    expect(report.status).toMatchObject({ state: 'conflict', conflicts: 1 });
    expect((await b.onDisk('c1')).description).toBe('bob edit');
    expect((await b.engine.conflicts())[0]).toMatchObject({ localId: 'c1', kind: 'deleted_on_server' });
  });

  it('the same save as the teammate\'s (the race is only timing) ends synced', async () => {
    const { aliceStore, aliceEngine, b } = await sharedConnector();
    await aliceStore.save(connector('c1', 'Shared', { description: 'same edit' }));
    await aliceEngine.syncNow();
    let raced = 0;
    b.store.beforeWrite = async () => {
      if (raced++ === 0) await b.editorSave(connector('c1', 'Shared', { description: 'same edit' }));
    };
    const report = await b.engine.syncNow();
    expect(report.status).toMatchObject({ state: 'synced', pending: 0, conflicts: 0 });
    expect((await b.onDisk('c1')).description).toBe('same edit');
  });

  it('a file that keeps losing the race through every retry: pending (the host tries again shortly), never error; the next sync settles it', async () => {
    const { aliceStore, aliceEngine, b } = await sharedConnector();
    await aliceStore.save(connector('c1', 'Shared', { description: 'alice edit' }));
    await aliceEngine.syncNow();

    // Each write the engine tries is refused, as the folder refuses one that lost to a save.
    let refused = 0;
    b.store.beforeWrite = async () => {
      refused += 1;
      throw new LocalWriteRace('shared.connector.json', 'shared.connector.json changed on disk during sync; it was left alone.');
    };
    const started = Date.now();
    const report = await b.engine.syncNow();
    expect(refused).toBe(RACE_RETRY_DELAYS_MS.length + 1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.status).toMatchObject({ state: 'pending', message: expect.stringContaining('shared.connector.json was being saved while the sync wrote to it') });
    expect(await b.engine.status()).toMatchObject({ state: 'pending' });
    expect((await b.onDisk('c1')).description).toBe('');

    b.store.beforeWrite = null;
    expect((await b.engine.syncNow()).status).toMatchObject({ state: 'synced', pending: 0 });
    expect((await b.onDisk('c1')).description).toBe('alice edit');
  });
});
