/**
 * Autosaved drafts in localStorage, so unsaved edits survive a reload or a crash.
 * Keyed by workspace and connector id; removed on save or discard. A draft is read back through the
 * same guarded parse and migrations as a connector file, so a draft kept from an older version
 * opens as the current schema. It is the raw state the user left — often not valid (a name
 * cleared mid-typing) — so it is not validated: only a draft that is not connector-shaped at all
 * (damaged storage) is dropped, so the editor never crashes on it.
 */
import { ConnectorSchema, migrateDocument, parseDocumentJson, salvage, type Connector } from '#core';

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
    const doc = restoreDraftDoc(draft.doc);
    if (!doc || doc.id !== connectorId) return null;
    return { doc, baseHash: typeof draft.baseHash === 'string' ? draft.baseHash : null, savedAt: typeof draft.savedAt === 'number' ? draft.savedAt : 0 };
  } catch {
    return null;
  }
}

/**
 * The migrated draft as the user left it: parsed with the schema's defaults when it is valid;
 * otherwise, when the schema can read it with a few fields repaired, the user's values laid over
 * that repaired copy (so defaults fill what an older version never wrote, and the editor shows
 * the invalid fields' problems instead of losing the rest).
 */
function restoreDraftDoc(raw: unknown): Connector | null {
  const migrated = migrateDocument(raw);
  const parsed = ConnectorSchema.safeParse(migrated);
  if (parsed.success) return parsed.data;
  const salvaged = salvage(ConnectorSchema, migrated);
  return salvaged ? (overlay(salvaged.value, migrated) as Connector) : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `over`'s values wherever it has one, `base`'s elsewhere (objects and arrays merged item by item). */
function overlay(base: unknown, over: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return over.map((item, i) => overlay(base[i], item));
  if (isRecord(base) && isRecord(over)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) merged[k] = overlay(base[k], v);
    return merged;
  }
  return over === undefined ? base : over;
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
