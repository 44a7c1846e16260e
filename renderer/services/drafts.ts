/**
 * Autosaved drafts in localStorage, so unsaved edits survive a reload or a crash.
 * Keyed by workspace and connector id; removed on save or discard.
 */
import type { Connector } from '../../core/index.js';

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
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft === 'object' && draft.doc && draft.doc.id === connectorId ? draft : null;
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
