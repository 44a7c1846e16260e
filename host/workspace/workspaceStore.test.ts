import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { contentHash } from '../fs/contentHash.js';
import { WorkspaceStore } from './workspaceStore.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

describe('WorkspaceStore', () => {
  it('saves one pretty-printed, stable-key-order file per connector and reads it back', async () => {
    const store = new WorkspaceStore(dir);
    const result = await store.save(sampleConnector());
    expect(result).toMatchObject({ status: 'saved', id: 'lookup', file: 'contact-lookup.connector.json' });
    const text = await readFile(join(dir, 'contact-lookup.connector.json'), 'utf8');
    expect(text.startsWith('{\n  "schemaVersion": 2,\n  "id": "lookup",\n  "name": "Contact lookup",')).toBe(true);
    expect(result.status === 'saved' && result.hash).toBe(contentHash(text));
    // The same document in another key order produces the same bytes.
    const shuffled = Object.fromEntries(Object.entries(sampleConnector()).reverse()) as ReturnType<typeof sampleConnector>;
    const again = await store.save(shuffled, { baseHash: contentHash(text) });
    expect(again.status === 'saved' && again.hash).toBe(contentHash(text));
    const entry = await store.get('lookup');
    expect(entry.connector.steps[0]?.id).toBe('search');
  });

  it('keeps the file name when the connector is renamed and avoids clashes for new ones', async () => {
    const store = new WorkspaceStore(dir);
    const first = await store.save(sampleConnector());
    await store.save(sampleConnector({ name: 'Renamed' }), { baseHash: first.status === 'saved' ? first.hash : '' });
    await store.save(sampleConnector({ id: 'other' }));
    expect((await readdir(dir)).sort()).toEqual(['contact-lookup-2.connector.json', 'contact-lookup.connector.json']);
  });

  it('refuses a save when the file changed on disk since baseHash, and writes nothing', async () => {
    const store = new WorkspaceStore(dir);
    const saved = await store.save(sampleConnector());
    if (saved.status !== 'saved') throw new Error('expected saved');
    const path = join(dir, saved.file);
    const external = (await readFile(path, 'utf8')).replace('Contact lookup', 'Edited elsewhere');
    await writeFile(path, external);
    const conflict = await store.save(sampleConnector({ name: 'Mine' }), { baseHash: saved.hash });
    expect(conflict).toMatchObject({ status: 'conflict', currentHash: contentHash(external) });
    expect(await readFile(path, 'utf8')).toBe(external);
    // Without baseHash an existing id is a conflict too; force overwrites ("keep mine").
    expect((await store.save(sampleConnector({ name: 'Mine' }))).status).toBe('conflict');
    expect((await store.save(sampleConnector({ name: 'Mine' }), { force: true })).status).toBe('saved');
    expect(await readFile(path, 'utf8')).toContain('"name": "Mine"');
  });

  it('lists corrupt and invalid files with their error instead of dropping them', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    await writeFile(join(dir, 'broken.connector.json'), '{ "schemaVersion": 2, ');
    await writeFile(join(dir, 'invalid.connector.json'), JSON.stringify({ schemaVersion: 2, id: 'x', name: 'X', steps: [] }));
    await writeFile(join(dir, 'copy.connector.json'), await readFile(join(dir, 'contact-lookup.connector.json')));
    await writeFile(join(dir, 'notes.txt'), 'not a connector');
    const entries = await store.list();
    const byFile = Object.fromEntries(entries.map((e) => [e.file, e]));
    expect(Object.keys(byFile).sort()).toEqual(['broken.connector.json', 'contact-lookup.connector.json', 'copy.connector.json', 'invalid.connector.json']);
    expect(byFile['broken.connector.json']).toMatchObject({ kind: 'invalid', error: { message: expect.stringContaining('Not valid JSON') } });
    expect(byFile['invalid.connector.json']).toMatchObject({ kind: 'invalid', error: { message: 'Not a valid connector: The connector is empty.', hint: 'A connector needs at least one step.' } });
    // contact-lookup sorts before copy, so the copy is the duplicate.
    expect(byFile['copy.connector.json']).toMatchObject({ kind: 'invalid', error: { message: expect.stringContaining('same id') } });
    expect(byFile['contact-lookup.connector.json']?.kind).toBe('connector');
  });

  it('lists a file nested 3,000 levels deep (6 KB) as invalid, naming the limit, and keeps the rest (issue 11.1)', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const deep = `{"schemaVersion":2,"id":"deep","name":"Deep","steps":[{"id":"s","url":"https://x.test","body":{"type":"json","value":${'['.repeat(3000)}${']'.repeat(3000)}}}]}`;
    await writeFile(join(dir, 'deep.connector.json'), deep);
    const entries = await store.list();
    expect(entries.map((e) => [e.file, e.kind])).toEqual([['contact-lookup.connector.json', 'connector'], ['deep.connector.json', 'invalid']]);
    expect(entries[1]).toMatchObject({ error: { message: expect.stringMatching(/more than 64 levels deep/), hint: expect.stringMatching(/Restore it/) } });
  });

  it('under concurrent saves the last writer wins and the file is always valid JSON', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const path = join(dir, 'contact-lookup.connector.json');
    let reading = true;
    const observed: string[] = [];
    const reader = (async () => {
      while (reading) {
        const text = await readFile(path, 'utf8');
        JSON.parse(text); // throws on a torn write
        observed.push(text);
      }
    })();
    const saves = Array.from({ length: 30 }, (_, i) => store.save(sampleConnector({ description: `version ${i}` }), { force: true }));
    const results = await Promise.all(saves);
    reading = false;
    await reader;
    expect(results.every((r) => r.status === 'saved')).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8')).description).toBe('version 29');
    expect(observed.length).toBeGreaterThan(0);
    expect((await readdir(dir)).length).toBe(1); // no temp files left behind
  });

  it('leaves the old file intact when the rename step fails', async () => {
    const store = new WorkspaceStore(dir);
    const saved = await store.save(sampleConnector());
    const path = join(dir, 'contact-lookup.connector.json');
    const before = await readFile(path, 'utf8');
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, cb: (error: Error) => void) => cb(Object.assign(new Error('EIO: simulated crash'), { code: 'EIO' }))) as unknown as typeof fs.rename);
    await expect(store.save(sampleConnector({ name: 'Never written' }), { baseHash: saved.status === 'saved' ? saved.hash : '' })).rejects.toThrow('simulated crash');
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['contact-lookup.connector.json']);
  });

  it('leaves the old file intact when the process is killed between temp write and rename', async () => {
    const store = new WorkspaceStore(dir);
    await store.save(sampleConnector());
    const path = join(dir, 'contact-lookup.connector.json');
    const before = await readFile(path, 'utf8');
    // A child process saves with the real code, and SIGKILLs itself at the rename: a real crash.
    const script = `
      import fs from 'node:fs';
      import { WorkspaceStore } from ${JSON.stringify(new URL('./workspaceStore.ts', import.meta.url).pathname)};
      import { ConnectorSchema } from ${JSON.stringify(new URL('../../core/schema/connector.ts', import.meta.url).pathname)};
      fs.rename = () => process.kill(process.pid, 'SIGKILL');
      const store = new WorkspaceStore(process.argv[1]);
      const doc = ConnectorSchema.parse({ schemaVersion: 2, id: 'lookup', name: 'Crashed', steps: [{ id: 's', url: 'https://x.test' }] });
      await store.save(doc, { force: true });
    `;
    const signal = await new Promise<NodeJS.Signals | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('exit', (_code, sig) => (sig ? resolve(sig) : reject(new Error(`child exited without crashing: ${stderr}`))));
    });
    expect(signal).toBe('SIGKILL');
    expect(await readFile(path, 'utf8')).toBe(before);
    const files = await readdir(dir);
    expect(files.length).toBe(2); // the orphaned temp file…
    expect((await store.list()).map((e) => e.file)).toEqual(['contact-lookup.connector.json']); // …is not a connector
    const orphan = files.find((f) => f !== 'contact-lookup.connector.json')!;
    expect(await readFile(join(dir, orphan), 'utf8')).toContain('Crashed');
  });

  it('deletes a connector, refusing when the file changed since baseHash', async () => {
    const store = new WorkspaceStore(dir);
    const saved = await store.save(sampleConnector());
    await expect(store.delete('lookup', 'stale')).rejects.toThrow('changed on disk');
    expect(await store.delete('lookup', saved.status === 'saved' ? saved.hash : '')).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.delete('lookup')).toBe(false);
  });

  describe('id → file index (saves do not re-read the folder, yet behave as if they did)', () => {
    const fileOf = async (id: string) => (await new WorkspaceStore(dir).find(id))?.file;
    const stableText = (store: WorkspaceStore, file: string) => readFile(join(store.root, file), 'utf8');

    it('sees a file added behind its back with the same id (no watcher): a save without baseHash is a conflict', async () => {
      const store = new WorkspaceStore(dir);
      await store.save(sampleConnector({ id: 'other', name: 'Other' }));
      const copy = (await stableText(store, 'other.connector.json')).replace('"id": "other"', '"id": "lookup"');
      await writeFile(join(dir, 'pulled.connector.json'), copy);
      expect(await store.save(sampleConnector())).toMatchObject({ status: 'conflict', file: 'pulled.connector.json', currentHash: contentHash(copy) });
      expect((await readdir(dir)).sort()).toEqual(['other.connector.json', 'pulled.connector.json']);
    });

    it('sees a file deleted behind its back: a save with baseHash reports the deletion', async () => {
      const store = new WorkspaceStore(dir);
      const saved = await store.save(sampleConnector());
      await unlink(join(dir, 'contact-lookup.connector.json'));
      expect(await store.save(sampleConnector(), { baseHash: saved.status === 'saved' ? saved.hash : '' })).toMatchObject({ status: 'conflict', currentHash: null, message: expect.stringContaining('deleted on disk') });
      expect(await store.find('lookup')).toBeUndefined();
    });

    it('falls back to a full listing when the indexed file now holds another id', async () => {
      const store = new WorkspaceStore(dir);
      await store.save(sampleConnector());
      await store.save(sampleConnector({ id: 'second', name: 'Second' }));
      // Swap the ids of the two files in place, without telling the store.
      const first = await stableText(store, 'contact-lookup.connector.json');
      const second = await stableText(store, 'second.connector.json');
      await writeFile(join(dir, 'contact-lookup.connector.json'), first.replace('"id": "lookup"', '"id": "second"').replace('"name": "Contact lookup"', '"name": "Contact lookup!"'));
      await writeFile(join(dir, 'second.connector.json'), second.replace('"id": "second"', '"id": "lookup"').replace('"name": "Second"', '"name": "Second!"'));
      expect((await store.find('lookup'))?.file).toBe('second.connector.json');
      expect((await store.find('second'))?.file).toBe('contact-lookup.connector.json');
    });

    it('uses the watcher\'s invalidate() to learn that another file now holds an id, and picks the first by name as list() does', async () => {
      const store = new WorkspaceStore(dir);
      const mine = await store.save(sampleConnector({ name: 'Zed' }));
      await store.save(sampleConnector({ id: 'other', name: 'Alpha' }));
      // alpha.connector.json sorts before zed.connector.json; an external edit gives it the id "lookup".
      const alpha = await stableText(store, 'alpha.connector.json');
      const edited = alpha.replace('"id": "other"', '"id": "lookup"');
      await writeFile(join(dir, 'alpha.connector.json'), edited);
      store.invalidate(join(dir, 'alpha.connector.json'));
      expect((await store.find('lookup'))?.file).toBe(await fileOf('lookup'));
      expect(await store.save(sampleConnector({ name: 'Zed 2' }), { baseHash: mine.status === 'saved' ? mine.hash : '' })).toMatchObject({ status: 'conflict', file: 'alpha.connector.json', currentHash: contentHash(edited) });
      expect(await store.find('other')).toBeUndefined();
      const listed = await store.list();
      expect(listed.find((e) => e.file === 'zed.connector.json')).toMatchObject({ kind: 'invalid', error: { message: expect.stringContaining('same id') } });
    });

    it('after many saves, renames and deletes, find() agrees with a fresh store for every id', async () => {
      const store = new WorkspaceStore(dir);
      for (let i = 0; i < 20; i++) await store.save(sampleConnector({ id: `c${i}`, name: i % 3 === 0 ? 'Same name' : `Connector ${i}` }));
      for (let i = 0; i < 20; i += 4) await store.delete(`c${i}`);
      for (let i = 1; i < 20; i += 4) await store.save(sampleConnector({ id: `c${i}`, name: 'Renamed' }), { force: true });
      await store.save(sampleConnector({ id: 'c0', name: 'Same name' }));
      for (let i = 0; i < 20; i++) expect((await store.find(`c${i}`))?.file, `c${i}`).toBe(await fileOf(`c${i}`));
      expect(new Set((await readdir(dir)).filter((f) => f.endsWith('.connector.json'))).size).toBe(16);
    });

    it('never picks a new file name that a folder already takes', async () => {
      const store = new WorkspaceStore(dir);
      await store.list();
      await mkdir(join(dir, 'contact-lookup.connector.json'));
      expect(await store.save(sampleConnector())).toMatchObject({ status: 'saved', file: 'contact-lookup-2.connector.json' });
    });
  });
});
