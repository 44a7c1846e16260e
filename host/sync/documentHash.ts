/**
 * The identity of a connector's synced content: canonical JSON (sorted keys) without the
 * local `id`, hashed. Two clients holding the same content get the same hash whatever
 * their local ids or key order.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

export function syncedContent(document: Record<string, unknown>): Record<string, unknown> {
  const { id: _localId, ...rest } = document;
  return rest;
}

export function documentHash(document: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(canonical(syncedContent(document)))).digest('hex');
}

export function documentName(document: Record<string, unknown>): string {
  return typeof document.name === 'string' && document.name.trim() ? document.name.trim() : 'Untitled connector';
}
