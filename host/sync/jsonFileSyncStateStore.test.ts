import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { JsonFileSyncStateStore } from './jsonFileSyncStateStore.js';
import type { SyncState } from './types.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const sample: SyncState = {
  workspaceId: 'w1',
  cursor: 42,
  records: { c1: { remoteId: '7b1f6c1e-1111-4a4a-9c9c-000000000001', revision: 3, hash: 'abc', unacknowledged: [] } },
  conflicts: {},
  lastSyncedAt: 1,
  log: [],
};

it('round-trips the state, starts empty, and writes an owner-only file', async () => {
  const { dir, cleanup } = await makeTempDir('cs-sync-');
  cleanups.push(cleanup);
  const store = new JsonFileSyncStateStore(join(dir, 'sync-w1.json'));
  expect(await store.load()).toBeNull();
  await store.save(sample);
  expect(await store.load()).toEqual(sample);
  expect(JSON.parse(await readFile(join(dir, 'sync-w1.json'), 'utf8')).cursor).toBe(42);
  if (process.platform !== 'win32') expect((await stat(join(dir, 'sync-w1.json'))).mode & 0o777).toBe(0o600);
});

it('refuses a corrupt file instead of silently restarting from zero', async () => {
  const { dir, cleanup } = await makeTempDir('cs-sync-');
  cleanups.push(cleanup);
  await writeFile(join(dir, 'bad.json'), '{ nope');
  await expect(new JsonFileSyncStateStore(join(dir, 'bad.json')).load()).rejects.toThrow(/not valid JSON/);
});
