/**
 * Autosaved drafts in localStorage, so unsaved edits survive a reload or a crash.
 * Keyed by workspace and connector id; removed on save or discard. A draft is read back through the
 * same guarded parse and migrating loader as a connector file, so a draft kept from an older
 * version opens as the current schema (and a damaged one is dropped, never crashes the editor).
 */
import { parseDocumentJson, validateConnector, type Connector } from '../../core/index.js';

const PREFIX = 'connectorStudio.draft.';

export interface Draft {
  doc: Connector;
  baseHash: string | null;
  savedAt: number;
}

function key(workspacePath: string, connectorId: string): string {
  return `${PREFIX}${workspacePath}::${connectorId}`;
}

export function writeDraft(workspacePath: string, draft: Draft, storage: Storage = localStorage): void {
  try {
    storage.setItem(key(workspacePath, draft.doc.id), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: drafts are a safety net, not a requirement.
  }
}

export function readDraft(workspacePath: string, connectorId: string, storage: Storage = localStorage): Draft | null {
  try {
    const raw = storage.getItem(key(workspacePath, connectorId));
    if (!raw) return null;
    const draft = parseDocumentJson(raw) as Partial<Draft> | null;
    if (!draft || typeof draft !== 'object') return null;
    const doc = validateConnector(draft.doc).connector;
    if (!doc || doc.id !== connectorId) return null;
    return { doc, baseHash: typeof draft.baseHash === 'string' ? draft.baseHash : null, savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : 0 };
  } catch {
    return null;
  }
}

export function removeDraft(workspacePath: string, connectorId: string, storage: Storage = localStorage): void {
  try {
    storage.removeItem(key(workspacePath, connectorId));
  } catch {
    /* see writeDraft */
  }
}

/** Drafts of connectors never saved to disk (shown on the dashboard so they are not lost). */
export function listDrafts(workspacePath: string, storage: Storage = localStorage): Draft[] {
  const drafts: Draft[] = [];
  const prefix = `${PREFIX}${workspacePath}::`;
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (!k?.startsWith(prefix)) continue;
    const draft = readDraft(workspacePath, k.slice(prefix.length), storage);
    if (draft) drafts.push(draft);
  }
  return drafts;
}
