/**
 * The sync engine's LocalConnectorStore over the open workspace folder (host/workspace).
 *
 * - Writes are compare-and-swap on the file hash last read, so an edit made on disk while
 *   a sync runs is never overwritten: the write throws LocalWriteRace, and the engine reads
 *   the folder again and retries (the edit then syncs, or conflicts with the teammate's).
 * - A file that does not load (not JSON, or not a valid connector) pauses sync with a message
 *   naming it: its absence must not read as a delete, and its content must not spread.
 * - Writes made for the sync are reported through `onChanged`, because the workspace watcher
 *   deliberately ignores this process's own writes and the UI must still refresh.
 */
import { parseDocumentJson, validateConnector } from '#core';
import { documentName } from '../sync/documentHash.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HostError, type HostEvents } from '../../contract/hostApi.js';
import type { ChangeOrigin, LocalConnectorStore, LocalDocument } from '../sync/types.js';
import { LocalWriteRace } from '../sync/LocalWriteRace.js';
import { SyncRemoteError } from '../sync/SyncRemoteError.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';

/**
 * How long a listing answers get() before the folder is read again. A pull applies many
 * changes in a row; re-listing the folder for each would make a first download quadratic.
 * Staleness is harmless: every write is compare-and-swap on the hash read.
 */
const SNAPSHOT_MS = 2000;

export class WorkspaceConnectorStore implements LocalConnectorStore {
  /** File and content hash of each id as last read: the base of the next write. */
  private readonly seen = new Map<string, { file: string; hash: string }>();
  private snapshot: { at: number; docs: Map<string, LocalDocument> } | null = null;

  constructor(
    private readonly workspace: WorkspaceStore,
    private readonly onChanged: (event: HostEvents['store.changed']) => void = () => {},
  ) {}

  async list(): Promise<LocalDocument[]> {
    const docs: LocalDocument[] = [];
    this.seen.clear();
    for (const entry of await this.workspace.list()) {
      if (entry.kind === 'connector') {
        docs.push({ id: entry.connector.id, document: entry.connector as unknown as Record<string, unknown> });
        this.seen.set(entry.connector.id, { file: entry.file, hash: entry.hash });
        continue;
      }
      // Leaving it out would read as a delete, and sending it would hand other devices a
      // broken file (the server refuses many anyway): sync waits until it is fixed.
      const raw = await this.readRaw(entry.file);
      if (raw && docs.some((doc) => doc.id === raw.id)) continue; // a duplicate id: the first file wins, as in the dashboard
      throw new SyncRemoteError(
        'server',
        `${entry.file} is not a valid connector (${entry.error.message}), so sync is paused rather than treating it as deleted. Fix the file (the dashboard shows what is wrong) or remove it, then sync again.`,
      );
    }
    this.snapshot = { at: Date.now(), docs: new Map(docs.map((doc) => [doc.id, doc])) };
    return docs.map((doc) => structuredClone(doc));
  }

  async get(id: string): Promise<LocalDocument | null> {
    if (!this.snapshot || Date.now() - this.snapshot.at > SNAPSHOT_MS) await this.list();
    const doc = this.snapshot!.docs.get(id);
    return doc ? structuredClone(doc) : null;
  }

  async save(doc: LocalDocument, origin: ChangeOrigin = {}): Promise<void> {
    const base = this.seen.get(doc.id);
    // Pulled documents go through the same migrating loader as files: an older schemaVersion is upgraded before it is written.
    const loaded = validateConnector({ ...doc.document, id: doc.id });
    if (!loaded.connector) {
      const first = loaded.issues.find((issue) => issue.severity === 'error');
      throw new SyncRemoteError('server', `The connector "${documentName(doc.document)}" from the server is not one this app can read (${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'unknown problem'}), so it was not written. ${first?.hint ?? ''}`.trim());
    }
    const connector = loaded.connector;
    const result = await this.workspace.save(connector, base ? { baseHash: base.hash } : {});
    if (result.status === 'conflict') {
      throw new LocalWriteRace(result.file, `${result.file} changed on disk during sync; it was left alone.`);
    }
    this.seen.set(doc.id, { file: result.file, hash: result.hash });
    this.snapshot?.docs.set(doc.id, structuredClone({ id: doc.id, document: connector as unknown as Record<string, unknown> }));
    this.onChanged({ kind: base ? 'changed' : 'added', file: result.file, id: doc.id, hash: result.hash, ...origin });
  }

  async delete(id: string, origin: ChangeOrigin = {}): Promise<void> {
    const base = this.seen.get(id);
    try {
      if (!(await this.workspace.delete(id, base?.hash))) return;
    } catch (error) {
      if (!(error instanceof HostError && error.code === 'CONFLICT')) throw error;
      throw new LocalWriteRace(base?.file ?? id, `${base?.file ?? id} changed on disk during sync; it was not deleted.`);
    }
    this.seen.delete(id);
    this.snapshot?.docs.delete(id);
    this.onChanged({ kind: 'removed', file: base?.file ?? '', id, ...origin });
  }

  private async readRaw(file: string): Promise<(Record<string, unknown> & { id: string }) | null> {
    try {
      const value = parseDocumentJson(await readFile(join(this.workspace.root, file), 'utf8'));
      if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string' && (value as { id: string }).id) {
        return value as Record<string, unknown> & { id: string };
      }
    } catch {
      // not JSON (or vanished): the caller pauses sync
    }
    return null;
  }
}
