/** In-memory implementations of the sync seams: for tests, and the reference for real adapters. */
import type { ChangeOrigin, LocalConnectorStore, LocalDocument, SyncState, SyncStateStore } from './types.js';

export class MemoryConnectorStore implements LocalConnectorStore {
  private readonly docs = new Map<string, LocalDocument>();
  /** Where each id's last change came from (what the real store puts in its change event). */
  readonly origins = new Map<string, ChangeOrigin>();

  constructor(initial: LocalDocument[] = []) {
    for (const doc of initial) this.docs.set(doc.id, structuredClone(doc));
  }

  async list(): Promise<LocalDocument[]> {
    return [...this.docs.values()].map((doc) => structuredClone(doc));
  }

  async get(id: string): Promise<LocalDocument | null> {
    const doc = this.docs.get(id);
    return doc ? structuredClone(doc) : null;
  }

  async save(doc: LocalDocument, origin: ChangeOrigin = {}): Promise<void> {
    this.docs.set(doc.id, structuredClone(doc));
    this.origins.set(doc.id, origin);
  }

  async delete(id: string, origin: ChangeOrigin = {}): Promise<void> {
    this.docs.delete(id);
    this.origins.set(id, origin);
  }
}

export class MemorySyncStateStore implements SyncStateStore {
  private state: SyncState | null = null;
  saves = 0;

  async load(): Promise<SyncState | null> {
    return this.state ? structuredClone(this.state) : null;
  }

  async save(state: SyncState): Promise<void> {
    this.saves += 1;
    this.state = structuredClone(state);
  }
}
