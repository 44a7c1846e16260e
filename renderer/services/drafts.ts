/**
 * Autosaved drafts read back (services/draftStorage.ts stores them), so unsaved edits survive a
 * reload or a crash; they are removed on save or discard. A draft is read back through the
 * same guarded parse and migrations as a connector file, so a draft kept from an older version
 * opens as the current schema. It is the raw state the user left — often not valid (a name
 * cleared mid-typing) — so it is not validated: only a draft that is not connector-shaped at all
 * (damaged storage) is dropped, so the editor never crashes on it.
 */
import { ConnectorSchema, migrateDocument, parseDocumentJson, salvage, type Connector } from '#core';
import { draftIds, readDraftText, type Draft } from './draftStorage.js';

/** A draft's stored text read back, null when it is not a draft of `connectorId`. */
export function parseDraft(raw: string | null, connectorId: string): Draft | null {
  try {
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

export function readDraft(workspacePath: string, connectorId: string, storage: Storage = localStorage): Draft | null {
  return parseDraft(readDraftText(workspacePath, connectorId, storage), connectorId);
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

/** Every draft of the workspace's connectors, saved to disk before or not. */
export function listDrafts(workspacePath: string, storage: Storage = localStorage): Draft[] {
  return draftIds(workspacePath, storage).flatMap((id) => readDraft(workspacePath, id, storage) ?? []);
}
