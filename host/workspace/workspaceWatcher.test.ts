import { readFile, rename, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvents } from '../../contract/hostApi.js';
import { contentHash } from '../fs/contentHash.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { watchWorkspace, type WorkspaceWatcher } from './workspaceWatcher.js';
import { WorkspaceStore } from './workspaceStore.js';

type Change = HostEvents['store.changed'];

let dir: string;
let cleanup: () => Promise<void>;
let watcher: WorkspaceWatcher | undefined;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(async () => {
  await watcher?.close();
  await cleanup();
});

/** Collects events and lets a test wait for the next one that matches. */
function recorder() {
  const events: Change[] = [];
  const waiters: Array<{ match: (e: Change) => boolean; resolve: (e: Change) => void }> = [];
  return {
    events,
    push(event: Change) {
      events.push(event);
      for (const w of [...waiters]) if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    },
    next(match: (e: Change) => boolean): Promise<Change> {
      const found = events.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

describe('watchWorkspace', () => {
  it('reports external adds, edits and removals once, and not our own saves', async () => {
    const store = new WorkspaceStore(dir);
    const saved = await store.save(sampleConnector());
    const rec = recorder();
    watcher = watchWorkspace(store, rec.push);
    await watcher.ready;

    // Our own save: must not be reported. A sentinel external file after it proves the watcher was live.
    await store.save(sampleConnector({ description: 'own edit' }), { force: true });
    await writeFile(join(dir, 'sentinel.connector.json'), JSON.stringify({ schemaVersion: 2, id: 'sentinel', name: 'S', steps: [{ id: 's', url: 'https://x.test' }] }));
    expect(await rec.next((e) => e.file === 'sentinel.connector.json')).toMatchObject({ kind: 'added', id: 'sentinel' });
    expect(rec.events.filter((e) => e.file === 'contact-lookup.connector.json')).toEqual([]);

    // An external edit (like git pull replacing the file by rename).
    const path = join(dir, saved.status === 'saved' ? saved.file : '');
    const edited = (await readFile(path, 'utf8')).replace('own edit', 'pulled from git');
    await writeFile(`${path}.tmp-git`, edited);
    await rename(`${path}.tmp-git`, path);
    const change = await rec.next((e) => e.file === 'contact-lookup.connector.json');
    expect(change).toMatchObject({ kind: 'changed', id: 'lookup', hash: contentHash(edited) });
    expect((await store.get('lookup')).connector.description).toBe('pulled from git');

    // A corrupt file is reported without an id.
    await writeFile(join(dir, 'sentinel.connector.json'), '{ broken');
    expect(await rec.next((e) => e.file === 'sentinel.connector.json' && e.kind === 'changed')).not.toHaveProperty('id');

    await unlink(join(dir, 'sentinel.connector.json'));
    expect(await rec.next((e) => e.kind === 'removed')).toEqual({ kind: 'removed', file: 'sentinel.connector.json' });
  });

  it('does not report our own deletes', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const rec = recorder();
    watcher = watchWorkspace(store, rec.push);
    await watcher.ready;
    await store.delete('lookup');
    await writeFile(join(dir, 'after.connector.json'), '{}');
    await rec.next((e) => e.file === 'after.connector.json');
    expect(rec.events.map((e) => e.file)).toEqual(['after.connector.json']);
  });

  it('stays quiet through a burst of our own saves (a sync) and a touch, and still reports the next external add', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const rec = recorder();
    watcher = watchWorkspace(store, rec.push);
    await watcher.ready;
    for (let i = 0; i < 200; i++) await store.save(sampleConnector({ id: `burst-${i}`, name: `Burst ${i}` }));
    const now = new Date();
    await utimes(join(dir, 'contact-lookup.connector.json'), now, now);
    await writeFile(join(dir, 'outside.connector.json'), '{}');
    await rec.next((e) => e.file === 'outside.connector.json');
    expect(rec.events.map((e) => e.file)).toEqual(['outside.connector.json']);
  });

  it('reports a 3,000-level file dropped into the open workspace and lists it as invalid, without stopping (issue 11.1)', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const rec = recorder();
    watcher = watchWorkspace(store, rec.push);
    await watcher.ready;
    const deep = `{"schemaVersion":2,"id":"deep","name":"Deep","steps":[{"id":"s","url":"https://x.test","body":{"type":"json","value":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}]}`;
    await writeFile(join(dir, 'deep.connector.json'), deep);
    // Before the guard the watcher's read overflowed the stack in an unhandled rejection.
    expect(await rec.next((e) => e.file === 'deep.connector.json')).toMatchObject({ kind: 'added' });
    const entries = await store.list();
    expect(entries.find((e) => e.file === 'deep.connector.json')).toMatchObject({ kind: 'invalid', error: { message: expect.stringMatching(/more than 64 levels deep/) } });
    expect(entries.find((e) => e.file === 'contact-lookup.connector.json')?.kind).toBe('connector');
    // Still watching: the next external file is reported.
    await writeFile(join(dir, 'after.connector.json'), '{}');
    await rec.next((e) => e.file === 'after.connector.json');
  });
});
