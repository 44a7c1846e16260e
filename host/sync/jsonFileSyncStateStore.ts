/**
 * The sync state persisted as one JSON file per workspace in the user-data folder, written
 * atomically, so a crash mid-sync resumes from the last saved cursor and ids.
 */
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';
import type { SyncState, SyncStateStore } from './types.js';

export class JsonFileSyncStateStore implements SyncStateStore {
  constructor(private readonly file: string) {}

  async load(): Promise<SyncState | null> {
    return readJsonFile<SyncState | null>(this.file, null);
  }

  async save(state: SyncState): Promise<void> {
    // Owner-only: the state names connectors and server ids (never credential values).
    await writeJsonFile(this.file, state, { mode: 0o600 });
  }
}
