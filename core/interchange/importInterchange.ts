import { ConnectorSchema, CURRENT_SCHEMA_VERSION, isSystemContactField, type Body, type Connector, type ConnectorInput, type Step } from '../schema/connector.js';
import { assertDocumentBounds } from '../schema/documentBounds.js';
import { listReferences } from '../template/listReferences.js';
import { invalidDocument } from '../validation/validateConnector.js';
import { structuralIssues } from '../validation/structuralIssues.js';
import { workspaceToCredentials } from './credentialSpelling.js';
import { InterchangeSchema, type InterchangeDocument, type InterchangeStep } from './schema.js';

/** Single-step connectors have one step with this id, so its outputs read `{{step_1.name}}`. */
export const SINGLE_STEP_ID = 'step_1';

/**
 * True for a document in the interchange format: an object with a `config` object and a `type`
 * of `single-step`/`multi-step` (or a `config.steps` list), and no `schemaVersion`.
 */
export function isInterchangeDocument(raw: unknown): boolean {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return false;
  const doc = raw as Record<string, unknown>;
  if ('schemaVersion' in doc) return false;
  const config = doc.config;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) return false;
  return doc.type === 'single-step' || doc.type === 'multi-step' || Array.isArray((config as Record<string, unknown>).steps);
}

/**
 * Converts an interchange document into the app's Connector (structurally valid; run
 * `validateConnector` for the whole-document rules). Throws INVALID_DOCUMENT listing every problem.
 *
 * - `single-step`: the request in `config` becomes the one step `step_1`.
 * - `multi-step`: the top-level list runs in series; every step of an entry depends on every step
 *   of the entry before it (a parallel group fans out and the next entry fans back in).
 * - A step `condition` that is enabled becomes `step.condition`; a disabled one is dropped.
 * - `{{workspace.x}}` becomes `{{credentials.x}}` everywhere, and every credential referenced is
 *   declared as a credential slot.
 * - `queryParams`/`headers` lists keep their rows; `body` object/array/number/boolean → JSON body,
 *   string → raw body (content type from a Content-Type header, else text/plain), null → none.
 * - `field_mappings[].target` that is not a system contact field is a custom field (`custom: true`).
 * - `outputs` object → list; `timeout_ms`, `max_retries`, `continue_on_error` → settings;
 *   `config.rateLimiting` → rateLimit; `input_schema` → inputs; `field_mappings` → fieldMappings.
 * - The id is derived from the name (`Phone Number Enrichment` → `phone-number-enrichment`).
 */
export function importInterchange(raw: unknown): Connector {
  assertDocumentBounds(raw);
  const parsed = InterchangeSchema.safeParse(raw);
  if (!parsed.success) throw invalidDocument(structuralIssues(parsed.error, raw));
  const draft = interchangeDraft(parsed.data);
  const result = ConnectorSchema.safeParse(draft);
  if (!result.success) throw invalidDocument(structuralIssues(result.error, draft));
  return result.data;
}

/** The app document an interchange document becomes, before the app's schema applies its defaults (validateDocument checks it). */
export function interchangeDraft(parsed: InterchangeDocument): ConnectorInput {
  const doc = workspaceToCredentials(parsed);
  const { steps, edges } = doc.type === 'single-step' ? singleStep(doc) : multiStep(doc);

  const draft: ConnectorInput = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: slugify(doc.name),
    name: doc.name,
    description: doc.description,
    icon: doc.icon,
    category: doc.category,
    inputs: Object.entries(doc.input_schema).map(([name, spec]) => ({ name, ...spec })),
    credentials: [],
    auth: doc.config.auth,
    steps,
    edges,
    fieldMappings: doc.field_mappings.map((m) => ({ ...m, custom: m.custom ?? !isSystemContactField(m.target) })),
    settings: { timeoutMs: doc.timeout_ms, maxRetries: doc.max_retries, continueOnError: doc.continue_on_error },
    ...(doc.config.rateLimiting ? { rateLimit: doc.config.rateLimiting } : {}),
  };
  draft.credentials = referencedCredentials(draft).map((name) => ({ name, label: name }));
  return draft;
}

function singleStep(doc: InterchangeDocument): { steps: ConnectorInput['steps']; edges: ConnectorInput['edges'] } {
  const { config } = doc;
  const step = toStep({ id: SINGLE_STEP_ID, method: config.method ?? 'GET', url: config.url ?? '', queryParams: config.queryParams, headers: config.headers, body: config.body, outputs: config.outputs }, SINGLE_STEP_ID);
  return { steps: [step], edges: [] };
}

function multiStep(doc: InterchangeDocument): { steps: ConnectorInput['steps']; edges: NonNullable<ConnectorInput['edges']> } {
  const steps: Step[] = [];
  const edges: NonNullable<ConnectorInput['edges']> = [];
  let previous: string[] = [];
  for (const entry of doc.config.steps ?? []) {
    const group = 'type' in entry && entry.type === 'parallel' ? entry.steps : [entry as InterchangeStep];
    const ids = group.map((s) => {
      const step = toStep(s, s.id ?? `step_${steps.length + 1}`);
      steps.push(step);
      return step.id;
    });
    for (const target of ids) for (const source of previous) edges.push({ id: `e_${source}__${target}`, source, target });
    previous = ids;
  }
  return { steps, edges };
}

function toStep(s: InterchangeStep, id: string): Step {
  const rows = (list: InterchangeStep['queryParams']) => (list ?? []).map((r) => ({ key: r.key, value: r.value, enabled: r.enabled ?? true, source: 'static' as const }));
  const headers = rows(s.headers);
  const step: Step = {
    id,
    name: s.name ?? '',
    // The interchange format holds HTTP requests only.
    kind: 'http',
    method: s.method,
    url: s.url,
    query: rows(s.queryParams),
    headers,
    body: toBody(s.body, headers),
    outputs: Object.entries(s.outputs ?? {}).map(([name, path]) => ({ name, path })),
  };
  if (s.condition?.enabled && s.condition.expression.trim() !== '') step.condition = s.condition.expression;
  if (s.auth) step.auth = s.auth;
  if (s.timeout_ms !== undefined) step.timeoutMs = s.timeout_ms;
  if (s.max_retries !== undefined) step.maxRetries = s.max_retries;
  if (s.idempotent !== undefined) step.idempotent = s.idempotent;
  return step;
}

function toBody(body: unknown, headers: Step['headers']): Body {
  if (body === undefined || body === null) return { type: 'none' };
  if (typeof body === 'string') {
    const contentType = headers.find((h) => h.key.toLowerCase() === 'content-type')?.value;
    return { type: 'raw', text: body, contentType: contentType || 'text/plain' };
  }
  return { type: 'json', value: body };
}

function referencedCredentials(draft: ConnectorInput): string[] {
  const names = new Set<string>();
  // Step conditions are strings inside the steps and use the same reference grammar.
  for (const part of [draft.auth, ...draft.steps]) {
    try {
      for (const ref of listReferences(part ?? null)) if (ref.kind === 'credential') names.add(ref.name);
    } catch {
      // a malformed template is reported by validateConnector with its path
    }
  }
  return [...names];
}

function slugify(name: string): string {
  const slug = name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
  return slug || 'connector';
}
