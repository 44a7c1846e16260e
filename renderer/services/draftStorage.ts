/**
 * Where autosaved drafts live: localStorage, keyed by workspace and connector id. This module
 * only moves their text; reading one back as a connector (services/drafts.ts) needs core's
 * schema and migrations, which the dashboard loads only once it has drafts to show.
 */
import type { Connector } from '#core';

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

/** The stored text of a connector's draft, null when it has none (or storage is unreadable). */
export function readDraftText(workspacePath: string, connectorId: string, storage: Storage = localStorage): string | null {
  try {
    return storage.getItem(key(workspacePath, connectorId));
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

/** The ids of the workspace's connectors that have a stored draft. */
export function draftIds(workspacePath: string, storage: Storage = localStorage): string[] {
  const ids: string[] = [];
  const prefix = `${PREFIX}${workspacePath}::`;
  try {
    for (let i = 0; i < storage.length; i++) {
      const k = storage.key(i);
      if (k?.startsWith(prefix)) ids.push(k.slice(prefix.length));
    }
  } catch {
    /* see writeDraft */
  }
  return ids;
}
