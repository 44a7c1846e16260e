/**
 * Ordered, named migrations of the connector document (tldraw-style). Each migration takes a
 * document of version `from` and returns one of version `from + 1`; `migrateDocument` runs the
 * ones a document needs, in order. To change the format: bump CURRENT_SCHEMA_VERSION, append a
 * migration, add a fixture of the old version under `fixtures/`, and test it.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { CURRENT_SCHEMA_VERSION } from './connector.js';
import { assertDocumentBounds } from './documentBounds.js';

type Json = Record<string, unknown>;

export interface Migration {
  name: string;
  /** Version of the documents this migration reads. */
  from: number;
  migrate(doc: Json): Json;
}

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** `{ "Accept": "application/json" }` → `[{ key, value }]`; lists pass through. */
function keyValueList(value: unknown): unknown {
  if (!isObject(value)) return value;
  return Object.entries(value).map(([key, item]) => ({ key, value: typeof item === 'string' ? item : JSON.stringify(item) }));
}

/**
 * Version 0 is the pre-release draft format, written before `schemaVersion` existed. It differs from v1 in:
 * - steps: `queryParams` (list or object) instead of `query`; `headers` may be an object;
 *   `outputs` is an object `{ name: path }`; `condition` is `{ enabled, expression }`;
 *   `timeout_ms`/`max_retries` instead of `timeoutMs`/`maxRetries`.
 * - connector: `rateLimiting` instead of `rateLimit`; `field_mappings` instead of `fieldMappings`.
 */
const v0ToV1: Migration = {
  name: 'v0-draft-field-names-to-v1',
  from: 0,
  migrate(doc) {
    const out: Json = { ...doc, schemaVersion: 1 };
    rename(out, 'rateLimiting', 'rateLimit');
    rename(out, 'field_mappings', 'fieldMappings');
    if (Array.isArray(out.steps)) {
      out.steps = out.steps.map((raw) => {
        if (!isObject(raw)) return raw;
        const step: Json = { ...raw };
        rename(step, 'queryParams', 'query');
        rename(step, 'timeout_ms', 'timeoutMs');
        rename(step, 'max_retries', 'maxRetries');
        if ('query' in step) step.query = keyValueList(step.query);
        if ('headers' in step) step.headers = keyValueList(step.headers);
        if (isObject(step.outputs)) step.outputs = Object.entries(step.outputs).map(([name, path]) => ({ name, path }));
        if (isObject(step.condition)) {
          const { enabled, expression } = step.condition;
          if (enabled !== false && typeof expression === 'string' && expression.trim() !== '') step.condition = expression;
          else delete step.condition;
        }
        return step;
      });
    }
    return out;
  },
};

/**
 * Version 2 gives every step a `kind` (core/steps/registry.ts): every step of a v1 document is an
 * HTTP request, so it becomes `kind: 'http'`. A step that already names a kind keeps it.
 */
const v1ToV2: Migration = {
  name: 'v1-steps-get-kind-http',
  from: 1,
  migrate(doc) {
    const out: Json = { ...doc, schemaVersion: 2 };
    if (Array.isArray(out.steps)) out.steps = out.steps.map((step) => (isObject(step) && !('kind' in step) ? { ...step, kind: 'http' } : step));
    return out;
  },
};

/** Every migration, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2];

/**
 * Brings a raw document up to CURRENT_SCHEMA_VERSION. A document without `schemaVersion` is
 * version 0. Never mutates its argument (a current one is returned as it is). Throws ConnectorError('INVALID_DOCUMENT') for a
 * non-object, one nested too deep or too large (checked before anything recursive runs), a
 * version that is not a whole number, or a version newer than this app reads.
 */
export function migrateDocument(raw: unknown): Json {
  if (!isObject(raw)) {
    throw new ConnectorError('INVALID_DOCUMENT', 'A connector document must be a JSON object.', { hint: 'Open a connector file (a JSON object with name, steps, …).' });
  }
  assertDocumentBounds(raw);
  const version = raw.schemaVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new ConnectorError('INVALID_DOCUMENT', `schemaVersion must be a whole number, not ${JSON.stringify(version)}.`, { path: 'schemaVersion', hint: `Use schemaVersion ${CURRENT_SCHEMA_VERSION}.` });
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new ConnectorError('INVALID_DOCUMENT', `This connector was written by a newer version of Connector Studio (schemaVersion ${version}; this one reads up to ${CURRENT_SCHEMA_VERSION}).`, {
      path: 'schemaVersion',
      hint: 'Update Connector Studio to open it.',
    });
  }
  const due = MIGRATIONS.filter((migration) => migration.from >= version && migration.from < CURRENT_SCHEMA_VERSION);
  // A current document is returned as it is (what reads it never writes to it); one that
  // migrates is copied first, as the migrations edit in place. The copy was ~17 ms of indexing
  // 1,000 current files at start-up.
  if (due.length === 0) return raw;
  let doc: Json = structuredClone(raw);
  for (const migration of due) doc = migration.migrate(doc);
  return doc;
}

function rename(obj: Json, from: string, to: string): void {
  if (from in obj && !(to in obj)) obj[to] = obj[from];
  delete obj[from];
}
