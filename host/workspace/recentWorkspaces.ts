/** The workspaces opened lately, remembered in the user-data folder (not in any workspace). */
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RecentWorkspace } from '../../contract/hostApi.js';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

const MAX_RECENT = 10;

interface StoredRecent {
  path: string;
  openedAt: number;
}

export class RecentWorkspaces {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'recent-workspaces.json');
  }

  async list(): Promise<RecentWorkspace[]> {
    const stored = await this.read();
    return Promise.all(
      stored.map(async (r) => ({ path: r.path, name: basename(r.path), openedAt: r.openedAt, exists: await isDirectory(r.path) })),
    );
  }

  async remember(path: string, now = Date.now()): Promise<void> {
    const stored = (await this.read()).filter((r) => r.path !== path);
    stored.unshift({ path, openedAt: now });
    await writeJsonFile(this.file, stored.slice(0, MAX_RECENT));
  }

  async mostRecent(): Promise<string | undefined> {
    return (await this.read())[0]?.path;
  }

  private async read(): Promise<StoredRecent[]> {
    const value = await readJsonFile<unknown>(this.file, []);
    return Array.isArray(value) ? value.filter((r): r is StoredRecent => typeof r?.path === 'string' && typeof r?.openedAt === 'number') : [];
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
