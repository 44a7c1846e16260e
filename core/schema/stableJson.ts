/**
 * The connector file format on disk: pretty-printed JSON with a stable key order, so that
 * the same document always produces the same bytes and git diffs show only real changes.
 * Well-known keys come first in reading order (id and name before the steps); any other
 * key follows alphabetically.
 */
const LEADING_KEYS = [
  'schemaVersion', 'id', 'name', 'kind', 'type', 'label', 'description', 'icon', 'category', 'enabled', 'advanced',
  'method', 'url', 'in', 'key', 'value', 'source', 'target', 'path',
  'inputs', 'credentials', 'auth', 'query', 'headers', 'body', 'outputs', 'condition',
  'steps', 'edges', 'fieldMappings', 'settings', 'rateLimit', 'tests', 'template',
];
const rank = new Map(LEADING_KEYS.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function toStableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}
