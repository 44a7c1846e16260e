/**
 * One open workspace folder: one `<slug>.connector.json` per connector, written atomically
 * in a stable format. Files that cannot be read are listed with their error, never dropped.
 * Saves are compare-and-swap on the file's content hash, so an external edit (a `git pull`,
 * another editor) is surfaced as a conflict instead of being overwritten.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Connector } from '../../core/schema/connector.js';
import { HostError, type SaveResult, type ValidationIssue } from '../../contract/hostApi.js';
import { atomicWriteFile, fsyncDirectory } from '../fs/atomicWriteFile.js';
import { contentHash } from '../fs/contentHash.js';
import { isConnectorFileName, uniqueConnectorFileName } from './connectorFileName.js';
import { readConnectorDocument } from './readConnectorDocument.js';
import { toStableJson } from './stableJson.js';

export type WorkspaceEntry =
  | { kind: 'connector'; file: string; hash: string; modifiedAt: number; connector: Connector; issues: ValidationIssue[] }
  | { kind: 'invalid'; file: string; hash: string; modifiedAt: number; error: { message: string; hint?: string; issues: ValidationIssue[] } };

interface CachedEntry {
  mtimeMs: number;
  size: number;
  entry: WorkspaceEntry;
}

/** How many of our own recent writes per file the watcher should recognise. */
const OWN_WRITE_MEMORY = 8;

export class WorkspaceStore {
  readonly root: string;
  private readonly cache = new Map<string, CachedEntry>();
  private readonly ownWrites = new Map<string, string[]>();
  private readonly ownDeletes = new Set<string>();
  /** Serialises check-then-write so two saves in this process cannot interleave. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(root: string) {
    this.root = root;
  }

  /** All connector files, sorted by file name; duplicates of an id are reported as invalid. */
  async list(): Promise<WorkspaceEntry[]> {
    const names = (await readdir(this.root)).filter(isConnectorFileName).sort();
    const entries: WorkspaceEntry[] = [];
    const seen = new Map<string, string>();
    for (const file of names) {
      const entry = await this.readEntry(file);
      if (!entry) continue;
      if (entry.kind === 'connector') {
        const first = seen.get(entry.connector.id);
        if (first) {
          entries.push({ kind: 'invalid', file, hash: entry.hash, modifiedAt: entry.modifiedAt, error: { message: `Has the same id "${entry.connector.id}" as ${first}.`, hint: 'Give one of the two files a different "id", or delete the copy.', issues: [] } });
          continue;
        }
        seen.set(entry.connector.id, file);
      }
      entries.push(entry);
    }
    for (const file of this.cache.keys()) if (!names.includes(file)) this.cache.delete(file);
    return entries;
  }

  async get(id: string): Promise<Extract<WorkspaceEntry, { kind: 'connector' }>> {
    const entry = await this.find(id);
    if (!entry) throw new HostError('NOT_FOUND', `No connector with id "${id}" in this workspace.`, { hint: 'It may have been deleted or renamed on disk; reload the dashboard.' });
    return entry;
  }

  async find(id: string): Promise<Extract<WorkspaceEntry, { kind: 'connector' }> | undefined> {
    const entries = await this.list();
    return entries.find((e): e is Extract<WorkspaceEntry, { kind: 'connector' }> => e.kind === 'connector' && e.connector.id === id);
  }

  async save(connector: Connector, options: { baseHash?: string | undefined; force?: boolean | undefined } = {}): Promise<SaveResult> {
    return this.exclusive(async () => {
      const existing = await this.find(connector.id);
      const file = existing?.file ?? uniqueConnectorFileName(connector.name, new Set((await readdir(this.root)).map((n) => n)));
      const currentHash = existing ? await this.hashOnDisk(existing.file) : null;
      if (!options.force) {
        if (options.baseHash === undefined && currentHash !== null) {
          return { status: 'conflict', id: connector.id, file, currentHash, message: `A connector with id "${connector.id}" already exists in ${file}.` };
        }
        if (options.baseHash !== undefined && currentHash !== options.baseHash) {
          return {
            status: 'conflict',
            id: connector.id,
            file,
            currentHash,
            message: currentHash === null ? `${file} was deleted on disk since you opened it.` : `${file} changed on disk since you opened it.`,
          };
        }
      }
      const content = toStableJson(connector);
      const hash = contentHash(content);
      this.rememberOwnWrite(file, hash);
      await atomicWriteFile(join(this.root, file), content);
      this.cache.delete(file);
      return { status: 'saved', id: connector.id, file, hash };
    });
  }

  async delete(id: string, baseHash?: string): Promise<boolean> {
    return this.exclusive(async () => {
      const existing = await this.find(id);
      if (!existing) return false;
      if (baseHash !== undefined && (await this.hashOnDisk(existing.file)) !== baseHash) {
        throw new HostError('CONFLICT', `${existing.file} changed on disk since you opened it; not deleted.`, { hint: 'Reload it, then delete again if you still want to.' });
      }
      this.ownDeletes.add(existing.file);
      await unlink(join(this.root, existing.file));
      await fsyncDirectory(this.root);
      this.cache.delete(existing.file);
      return true;
    });
  }

  /** True when the file's current content (or absence) is the result of our own save/delete. */
  isOwnChange(file: string, hash: string | null): boolean {
    if (hash === null) return this.ownDeletes.delete(file);
    return this.ownWrites.get(file)?.includes(hash) ?? false;
  }

  /** The watcher calls this so the next list() re-reads the file. */
  invalidate(file: string): void {
    this.cache.delete(basename(file));
  }

  async readEntry(file: string): Promise<WorkspaceEntry | undefined> {
    const path = join(this.root, file);
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!info.isFile()) return undefined;
    const cached = this.cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.entry;
    const text = await readFile(path, 'utf8');
    const hash = contentHash(text);
    const read = readConnectorDocument(text);
    const entry: WorkspaceEntry = read.ok
      ? { kind: 'connector', file, hash, modifiedAt: info.mtimeMs, connector: read.connector, issues: read.issues }
      : { kind: 'invalid', file, hash, modifiedAt: info.mtimeMs, error: read.error };
    this.cache.set(file, { mtimeMs: info.mtimeMs, size: info.size, entry });
    return entry;
  }

  private async hashOnDisk(file: string): Promise<string | null> {
    try {
      return contentHash(await readFile(join(this.root, file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  private rememberOwnWrite(file: string, hash: string): void {
    const hashes = this.ownWrites.get(file) ?? [];
    hashes.push(hash);
    if (hashes.length > OWN_WRITE_MEMORY) hashes.shift();
    this.ownWrites.set(file, hashes);
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
