/**
 * What a sync costs in round trips and rows (deterministic, so asserted), for the issue's
 * benchmark: the first sync of a 1,000-connector workspace and the incremental sync of one
 * change. Wall time is printed for the closing note, never asserted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../tests/supabase-gateway/index.js';
import { MemoryConnectorStore, MemorySyncStateStore } from './memoryStores.js';
import { SyncEngine } from './SyncEngine.js';

const COUNT = 1000;
let supa: LocalSupabase;
let user: TestUser;
let workspaceId: string;

beforeAll(async () => {
  supa = await startLocalSupabase();
  user = await createUser(supa.db, 'bench@example.com', 'bench-pw');
  workspaceId = await createWorkspace(supa.db, 'Bench', user.id);
});
afterAll(async () => {
  await supa?.close();
});

async function engine(store: MemoryConnectorStore) {
  const client = createClient(supa.url, supa.anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  await client.auth.signInWithPassword({ email: user.email, password: user.password });
  return new SyncEngine({ client, workspaceId, store, state: new MemorySyncStateStore() });
}

const requestsDuring = async (work: () => Promise<unknown>) => {
  const before = supa.stats.requests;
  const started = performance.now();
  await work();
  return { requests: supa.stats.requests - before, ms: Math.round(performance.now() - started) };
};

it(`first sync of ${COUNT} connectors, then one incremental change`, async () => {
  const docs = Array.from({ length: COUNT }, (_, i) => ({
    id: `c${i}`,
    document: { schemaVersion: 2, id: `c${i}`, name: `Connector ${i}`, steps: [{ id: 's', url: `https://api.example.com/${i}/{{email}}` }], edges: [] },
  }));
  const uploaderStore = new MemoryConnectorStore(docs);
  const uploader = await engine(uploaderStore);
  const upload = await requestsDuring(() => uploader.syncNow());
  // 5 pushes of 200, then 2 pull pages of 500 that move the cursor past our own rows.
  expect(upload.requests).toBe(7);

  const downloaderStore = new MemoryConnectorStore();
  const downloader = await engine(downloaderStore);
  const download = await requestsDuring(() => downloader.syncNow());
  // 2 pull pages of 500 (the second says has_more=false), nothing to push.
  expect(download.requests).toBe(2);
  expect(await downloaderStore.list()).toHaveLength(COUNT);

  await uploaderStore.save({ ...docs[0]!, document: { ...docs[0]!.document, description: 'changed' } });
  let pulledRows = 0;
  const incremental = await requestsDuring(async () => {
    await uploader.syncNow();
    pulledRows = (await downloader.syncNow()).pulled;
  });
  // Uploader: 1 push + 1 pull (its own change); downloader: 1 pull carrying exactly one row.
  expect(incremental.requests).toBe(3);
  expect(pulledRows).toBe(1);
  expect((await downloaderStore.get('c0'))?.document.description).toBe('changed');

  console.info(
    `sync cost on ${supa.db.backend}: first upload of ${COUNT}: ${upload.requests} requests, ${upload.ms} ms; ` +
      `first download: ${download.requests} requests, ${download.ms} ms; one change end to end: ${incremental.requests} requests, 1 row pulled, ${incremental.ms} ms`,
  );
}, 120_000);
