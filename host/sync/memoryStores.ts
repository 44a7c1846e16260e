/** In-memory implementations of the sync seams: for tests, and the reference for real adapters. */
import type { LocalConnectorStore, LocalDocument, SyncState, SyncStateStore } from './types.js';

export class MemoryConnectorStore implements LocalConnectorStore {
  private readonly docs = new Map<string, LocalDocument>();

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

  async save(doc: LocalDocument): Promise<void> {
    this.docs.set(doc.id, structuredClone(doc));
  }

  async delete(id: string): Promise<void> {
    this.docs.delete(id);
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
