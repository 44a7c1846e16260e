/**
 * Temp files left by interrupted atomic writes are removed when the host starts and when a
 * workspace opens: only write-file-atomic's `<our file>.<n>` names, only old ones.
 */
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import writeFileAtomic from 'write-file-atomic';
import { createHostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { atomicTempTarget, STALE_TEMP_AGE_MS } from './staleTempFiles.js';

let userData: { dir: string; cleanup: () => Promise<void> };
let workspace: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  userData = await makeTempDir('cs-userdata-');
  workspace = await makeTempDir('cs-workspace-');
});
afterEach(async () => {
  await userData.cleanup();
  await workspace.cleanup();
});

/** A file as a crashed write leaves it, dated long enough ago that no write can still be running. */
async function leftBehind(file: string, ageMs = STALE_TEMP_AGE_MS + 5_000): Promise<void> {
  await writeFile(file, '{"half":');
  const at = (Date.now() - ageMs) / 1000;
  await utimes(file, at, at);
}

describe('atomicTempTarget', () => {
  it("recognises write-file-atomic's own temp names and nothing else", () => {
    const tmpname = (writeFileAtomic as unknown as { _getTmpname(file: string): string })._getTmpname('/w/lookup.connector.json');
    expect(atomicTempTarget(tmpname.slice('/w/'.length))).toBe('lookup.connector.json');
    expect(atomicTempTarget('vault-keyFile.json.4294967295')).toBe('vault-keyFile.json');
    for (const name of ['lookup.connector.json', 'lookup.connector.json.bak', 'lookup.connector.json.4294967296', 'lookup.connector.json.12345678901', 'lookup.connector.json.-1', '.12']) {
      expect(atomicTempTarget(name)).toBeUndefined();
    }
  });
});

describe('stale temp files on start', () => {
  it('are removed from the user-data folder (vault, settings, history) when the host starts', async () => {
    await mkdir(join(userData.dir, 'runs'));
    await mkdir(join(userData.dir, 'account', 'sync'), { recursive: true });
    await leftBehind(join(userData.dir, 'vault-keyFile.json.3141592653'));
    await leftBehind(join(userData.dir, 'settings.json.17'));
    await leftBehind(join(userData.dir, 'vault.key.99'));
    await leftBehind(join(userData.dir, 'runs', 'lookup-abcdef0123.jsonl.2718281828'));
    await leftBehind(join(userData.dir, 'account', 'sync', 'state.json.5'));
    // Not ours, not a temp name, or too fresh to be abandoned: kept.
    await leftBehind(join(userData.dir, 'notes.txt.123'));
    await leftBehind(join(userData.dir, 'settings.json.bak'));
    await leftBehind(join(userData.dir, 'settings.json.88'), 1_000);
    await mkdir(join(userData.dir, 'dir.json.7'));

    const services = await createHostServices({ userDataDir: userData.dir, templatesDir: null });
    await services.close();

    expect((await readdir(userData.dir)).sort()).toEqual(expect.arrayContaining(['account', 'dir.json.7', 'notes.txt.123', 'runs', 'settings.json.88', 'settings.json.bak']));
    const all = [...(await readdir(userData.dir)), ...(await readdir(join(userData.dir, 'runs'))), ...(await readdir(join(userData.dir, 'account', 'sync')))];
    for (const gone of ['vault-keyFile.json.3141592653', 'settings.json.17', 'vault.key.99', 'lookup-abcdef0123.jsonl.2718281828', 'state.json.5']) expect(all).not.toContain(gone);
  });

  it('are removed from a workspace and its cassette folders when it is opened, and the connectors load', async () => {
    await writeFile(join(workspace.dir, 'lookup.connector.json'), JSON.stringify(sampleConnector()));
    await leftBehind(join(workspace.dir, 'lookup.connector.json.1234567890'));
    await mkdir(join(workspace.dir, 'lookup.cassettes'));
    await leftBehind(join(workspace.dir, 'lookup.cassettes', 'default.json.42'));
    await leftBehind(join(workspace.dir, 'README.md.2'));
    await leftBehind(join(workspace.dir, 'data.csv.2024'));
    await leftBehind(join(workspace.dir, 'fresh.connector.json.77'), 1_000);

    const services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir, templatesDir: null });
    try {
      expect((await services.api.connectors.list()).map((entry) => entry.kind)).toEqual(['connector']);
    } finally {
      await services.close();
    }
    expect((await readdir(workspace.dir)).sort()).toEqual(['README.md.2', 'data.csv.2024', 'fresh.connector.json.77', 'lookup.cassettes', 'lookup.connector.json']);
    expect(await readdir(join(workspace.dir, 'lookup.cassettes'))).toEqual([]);
  });
});
