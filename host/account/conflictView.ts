/**
 * What the conflict dialog shows: both sides in the same canonical form (the schema's
 * defaults applied, the file format's key order) so the diff shows only real differences,
 * and a field-level summary above it ("description changed; step_2 URL changed").
 */
import { diffTemplateVersions, type TemplateChange, type ConnectorInput, validateConnector, toStableJson } from '#core';
import type { SyncConflictView } from '../../contract/hostApi.js';
import type { SyncConflict } from '../sync/types.js';

const SUMMARY_LIMIT = 8;

/** The document as its file would hold it; a document that does not parse is only key-ordered. */
export function canonicalDocument(document: Record<string, unknown>, id: string): Record<string, unknown> {
  const withId = { ...document, id };
  const parsed = validateConnector(withId).connector;
  return JSON.parse(toStableJson(parsed ?? withId)) as Record<string, unknown>;
}

/** Names of list items in a path, as the editor shows them. */
const ITEM_WORDS: Record<string, string> = {
  steps: '', edges: 'connection ', inputs: 'input ', credentials: 'credential ', outputs: 'output ',
  fieldMappings: 'mapping to ', tests: 'test ', query: 'query parameter ', headers: 'header ', fields: 'form field ',
};

/** `steps[step_2].url` → `step_2 URL`; `settings.timeoutMs` → `settings timeoutMs`. */
function readable(path: string): string {
  return path
    .replace(/(\w+)\[([^\]]+)\]/g, (_, list: string, key: string) => `${ITEM_WORDS[list] ?? `${list} `}${key}`)
    .split('.')
    .map((part) => (part === 'url' ? 'URL' : part))
    .join(' ');
}

function summaryLine(change: TemplateChange): string {
  const what = readable(change.path);
  if (change.path.endsWith(']') && change.kind === 'added') return `${what} only on the server`;
  if (change.path.endsWith(']') && change.kind === 'removed') return `${what} only on this computer`;
  return `${what} changed`;
}

/** One line per differing field, mine → theirs; empty when either side is missing. */
export function conflictSummary(mine: Record<string, unknown> | null, theirs: Record<string, unknown> | null): string[] {
  if (!mine || !theirs) return [];
  const lines = diffTemplateVersions(mine as ConnectorInput, theirs as ConnectorInput).changes.map(summaryLine);
  const unique = [...new Set(lines)];
  return unique.length > SUMMARY_LIMIT ? [...unique.slice(0, SUMMARY_LIMIT), `and ${unique.length - SUMMARY_LIMIT} more`] : unique;
}

export function conflictView(conflict: SyncConflict, mineDocument: Record<string, unknown> | null): SyncConflictView {
  const server = conflict.server;
  const mine = mineDocument ? canonicalDocument(mineDocument, conflict.localId) : null;
  const theirs = server && !server.deleted_at ? canonicalDocument(server.config, conflict.localId) : null;
  return {
    localId: conflict.localId,
    kind: conflict.kind,
    name: typeof mine?.name === 'string' ? mine.name : server?.name ?? conflict.localId,
    mine,
    theirs,
    summary: conflictSummary(mine, theirs),
    serverRevision: server?.revision ?? null,
    serverAuthor: server?.updated_by_name ?? null,
    detectedAt: conflict.detectedAt,
  };
}
