import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { SettingsStore } from './settingsStore.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('SettingsStore', () => {
  it('starts from defaults, persists updates and reads them back after a restart', async () => {
    const store = new SettingsStore(dir);
    expect(await store.get()).toMatchObject({ theme: 'system', defaultRunMode: 'mock', proxy: '', allowInsecureKeyStorage: false });
    await store.update({ theme: 'dark', supabaseUrl: 'https://x.supabase.co' });
    expect(await new SettingsStore(dir).get()).toMatchObject({ theme: 'dark', supabaseUrl: 'https://x.supabase.co', defaultRunMode: 'mock' });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).theme).toBe('dark');
  });

  it('falls back to defaults when the file holds invalid values', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ theme: 'purple' }));
    expect((await new SettingsStore(dir).get()).theme).toBe('system');
  });
});
