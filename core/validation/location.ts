/**
 * Names a place in a connector document the way the editor shows it: a step by its name and id
 * ("Verify email (step_3)"), a field by its label ("URL", "Advanced › Timeout"), a connector
 * setting by its inspector tab ("Basics › Advanced", "Settings › Rate limit"). Works on the raw
 * document too (a file whose shape is wrong), and on both file formats: the app's
 * (`steps[2].url`) and the interchange format (`config.steps[1].steps[0].url`).
 */

export type PathSegment = string | number;

export interface Location {
  /** What the problem is about: a step, an edge, a tab of the connector inspector. */
  subject: string;
  /** The field of the subject, when the problem is about one field. */
  field?: string;
}

/** `steps[2].url` → ['steps', 2, 'url']. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|([^.[\]]+)/g)) {
    segments.push(match[1] !== undefined ? Number(match[1]) : match[2] !== undefined ? (JSON.parse(match[2]) as string) : (match[3] as string));
  }
  return segments;
}

/** Names a step: "Verify email (step_3)", or just the id when it has no name of its own. */
export function stepLabel(step: { id?: unknown; name?: unknown } | undefined, fallbackId?: string): string {
  const id = typeof step?.id === 'string' && step.id !== '' ? step.id : fallbackId;
  const name = typeof step?.name === 'string' ? step.name.trim() : '';
  if (!id) return name || 'A step';
  return name && name !== id ? `${name} (${id})` : id;
}

/** A step as the subject of a sentence: "Verify email (step_3)", or `Step "step_3"` when it has no name of its own. */
export function stepInProse(step: { id: string; name?: string }): string {
  const label = stepLabel(step);
  return label === step.id ? `Step "${step.id}"` : label;
}

const STEP_FIELDS: Record<string, string> = {
  id: 'Id',
  name: 'Step name',
  method: 'Method',
  url: 'URL',
  body: 'Body',
  auth: 'Auth',
  condition: 'Condition (Run only if)',
  timeoutMs: 'Advanced › Timeout',
  timeout_ms: 'Advanced › Timeout',
  maxRetries: 'Advanced › Retries',
  max_retries: 'Advanced › Retries',
  idempotent: 'Advanced › Safe to retry',
  mock: 'Mock',
  position: 'Position',
  type: 'Type',
  steps: 'Steps',
};

const CONNECTOR_PLACES: Record<string, Location> = {
  schemaVersion: { subject: 'The file', field: 'schemaVersion' },
  id: { subject: 'The connector', field: 'Id' },
  name: { subject: 'Basics', field: 'Name' },
  description: { subject: 'Basics', field: 'Description' },
  icon: { subject: 'Basics', field: 'Icon' },
  category: { subject: 'Basics', field: 'Category' },
  enabled: { subject: 'Basics', field: 'Enabled' },
  advanced: { subject: 'Basics', field: 'Advanced' },
  type: { subject: 'The file', field: 'type' },
  inputs: { subject: 'Inputs' },
  input_schema: { subject: 'Inputs' },
  credentials: { subject: 'Credentials' },
  auth: { subject: 'Auth' },
  fieldMappings: { subject: 'Mappings' },
  field_mappings: { subject: 'Mappings' },
  rateLimit: { subject: 'Settings › Rate limit' },
  rateLimiting: { subject: 'Settings › Rate limit' },
  timeout_ms: { subject: 'Settings', field: 'Timeout per request' },
  max_retries: { subject: 'Settings', field: 'Retries' },
  continue_on_error: { subject: 'Settings', field: 'Continue on error' },
  tests: { subject: 'Tests' },
  template: { subject: 'The connector', field: 'template' },
  steps: { subject: 'The connector' },
  edges: { subject: 'The connector' },
};

const SETTINGS_FIELDS: Record<string, string> = {
  timeoutMs: 'Timeout per request',
  maxRetries: 'Retries',
  continueOnError: 'Continue on error',
  logResponseData: 'Log response data',
};

const AUTH_FIELDS: Record<string, string> = {
  type: 'Type',
  token: 'Token',
  in: 'Send in',
  name: 'Name',
  value: 'Value',
  username: 'Username',
  password: 'Password',
  tokenUrl: 'Token URL',
  clientId: 'Client id',
  clientSecret: 'Client secret',
  scope: 'Scope',
  audience: 'Audience',
};

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const at = (value: unknown, key: PathSegment): unknown => (Array.isArray(value) && typeof key === 'number' ? value[key] : asObject(value)?.[String(key)]);
const quoted = (value: unknown) => (typeof value === 'string' && value !== '' ? ` "${value}"` : '');

/** Where `path` points in `doc` (either format), in the editor's words. */
export function locate(doc: unknown, path: readonly PathSegment[]): Location {
  const interchange = path[0] === 'config' || (asObject(doc)?.config !== undefined && !('schemaVersion' in (asObject(doc) ?? {})));
  if (interchange) return locateInterchange(doc, path);
  const [head, index, ...rest] = path;
  if (head === 'steps' && typeof index === 'number') {
    const steps = at(doc, 'steps');
    return { subject: stepLabel(asObject(at(steps, index)), `Step ${index + 1}`), ...stepField(at(steps, index), rest, false) };
  }
  if (head === 'edges' && typeof index === 'number') return { subject: edgeLabel(asObject(at(at(doc, 'edges'), index))), ...edgeField(rest) };
  if (head === 'settings' && typeof index === 'string') return { subject: 'Settings', field: SETTINGS_FIELDS[index] ?? index };
  if (head === 'auth' && typeof index === 'string') return { subject: 'Auth', field: AUTH_FIELDS[index] ?? index };
  if (head === 'inputs' && typeof index === 'number') return { subject: `Inputs ›${quoted(asObject(at(at(doc, 'inputs'), index))?.name) || ` input ${index + 1}`}` };
  if (head === 'tests' && typeof index === 'number') return { subject: `Tests ›${quoted(asObject(at(at(doc, 'tests'), index))?.name) || ` test ${index + 1}`}` };
  if (head === 'fieldMappings' && typeof index === 'number') return { subject: `Mappings › ${mappingLabel(at(at(doc, 'fieldMappings'), index), index)}` };
  return head === undefined ? { subject: 'The connector' } : CONNECTOR_PLACES[String(head)] ?? { subject: 'The connector', field: String(head) };
}

function locateInterchange(doc: unknown, path: readonly PathSegment[]): Location {
  const config = at(doc, 'config');
  if (path[0] === 'config') {
    const [, key, i, inner, j, ...rest] = path;
    if (key === 'steps' && typeof i === 'number') {
      const ids = interchangeStepIds(doc);
      const entry = at(at(config, 'steps'), i);
      if (inner === 'steps' && typeof j === 'number') {
        const step = at(at(entry, 'steps'), j);
        return { subject: stepLabel(asObject(step), ids.get(`${i}.${j}`)), ...stepField(step, rest, true) };
      }
      if (asObject(entry)?.type === 'parallel') return { subject: `Parallel group${quoted(asObject(entry)?.id)}`, ...(inner !== undefined ? { field: STEP_FIELDS[String(inner)] ?? String(inner) } : {}) };
      return { subject: stepLabel(asObject(entry), ids.get(String(i))), ...stepField(entry, [inner, j, ...rest].filter((s) => s !== undefined) as PathSegment[], true) };
    }
    if (key === 'auth') return typeof i === 'string' ? { subject: 'Auth', field: AUTH_FIELDS[i] ?? i } : { subject: 'Auth' };
    if (key === 'rateLimiting') return { subject: 'Settings › Rate limit', ...(typeof i === 'string' ? { field: i } : {}) };
    // A single-step connector's request sits directly in config: it is step_1.
    if (key !== undefined && key !== 'steps') return { subject: stepLabel({ id: 'step_1' }), ...stepField(config, path.slice(1), true) };
    return { subject: 'The connector' };
  }
  const [head, index] = path;
  if (head === 'input_schema' && typeof index === 'string') return { subject: `Inputs › "${index}"` };
  if (head === 'field_mappings' && typeof index === 'number') return { subject: `Mappings › ${mappingLabel(at(at(doc, 'field_mappings'), index), index)}` };
  return head === undefined ? { subject: 'The connector' } : CONNECTOR_PLACES[String(head)] ?? { subject: 'The connector', field: String(head) };
}

/** The ids the importer gives interchange steps (`step_N` by position when a step has none), by `i` or `i.j`. */
export function interchangeStepIds(doc: unknown): Map<string, string> {
  const ids = new Map<string, string>();
  const entries = at(at(doc, 'config'), 'steps');
  if (!Array.isArray(entries)) return ids;
  let count = 0;
  const idOf = (step: unknown) => {
    count += 1;
    const id = asObject(step)?.id;
    return typeof id === 'string' && id !== '' ? id : `step_${count}`;
  };
  entries.forEach((entry, i) => {
    const group = asObject(entry);
    if (group?.type === 'parallel' && Array.isArray(group.steps)) group.steps.forEach((step, j) => ids.set(`${i}.${j}`, idOf(step)));
    else ids.set(String(i), idOf(entry));
  });
  return ids;
}

function stepField(step: unknown, rest: readonly PathSegment[], interchange: boolean): { field?: string } {
  const [key, index, inner] = rest;
  if (key === undefined) return {};
  if (key === 'query' || key === 'queryParams' || key === 'headers') {
    const noun = key === 'headers' ? 'Header' : 'Query parameter';
    if (typeof index !== 'number') return { field: key === 'headers' ? 'Headers' : 'Query' };
    const row = asObject(at(at(step, key), index));
    const name = quoted(row?.key) || ` ${index + 1}`;
    return { field: `${noun}${name}${inner === 'key' ? ' name' : ''}` };
  }
  if (key === 'outputs') {
    if (interchange) return { field: typeof index === 'string' ? `Output "${index}"` : 'Outputs' };
    if (typeof index !== 'number') return { field: 'Outputs' };
    const output = asObject(at(at(step, 'outputs'), index));
    return { field: `Output${quoted(output?.name) || ` ${index + 1}`}${inner === 'path' ? ' JSONPath' : inner === 'name' ? ' name' : ''}` };
  }
  if (key === 'auth') return { field: typeof index === 'string' && index !== 'type' ? `Auth › ${AUTH_FIELDS[index] ?? index}` : 'Auth' };
  if (key === 'body') return { field: 'Body' };
  return { field: STEP_FIELDS[String(key)] ?? String(key) };
}

function edgeLabel(edge: Json | undefined): string {
  const source = typeof edge?.source === 'string' ? edge.source : '?';
  const target = typeof edge?.target === 'string' ? edge.target : '?';
  return `Edge ${source} → ${target}`;
}

function edgeField(rest: readonly PathSegment[]): { field?: string } {
  const [key] = rest;
  if (key === undefined) return {};
  return { field: key === 'condition' ? 'Condition' : key === 'source' ? 'Source' : key === 'target' ? 'Target' : key === 'id' ? 'Id' : String(key) };
}

function mappingLabel(mapping: unknown, index: number): string {
  const m = asObject(mapping);
  return typeof m?.source === 'string' && typeof m.target === 'string' ? `${m.source} → ${m.target}` : `mapping ${index + 1}`;
}
