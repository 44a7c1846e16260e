/**
 * The one grammar for what sits between `{{` and `}}`, shared by templates and
 * expressions so both accept exactly the same references.
 *
 * - `name`                       → an input
 * - `credentials.name`           → a credential (`workspace.name` is the interchange spelling, accepted as an alias)
 * - `env.name`                   → a variable of the workspace's selected environment (sandbox, production)
 * - `step_id.output[.more.path]` → a step output, optionally walked further (own properties / array indices only)
 *
 * `__proto__`, `constructor` and `prototype` are rejected in every segment.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import { PROTOTYPE_KEYS } from '../schema/stepFields.js';

export type ReferenceKind = 'input' | 'credential' | 'env' | 'step';

export interface Reference {
  kind: ReferenceKind;
  /** Input name, credential name, environment variable name, or step id. */
  name: string;
  /** The step output name (step references only). */
  output?: string;
  /** Further segments walked inside a step output: `{{step_1.contact.emails.0}}` → `['emails', '0']`. */
  path?: string[];
  /** The reference exactly as written, braces included: `{{ step_1.contactId }}`. */
  raw: string;
}

/** Segments that would reach a prototype if they were ever used as property keys. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = PROTOTYPE_KEYS;
/** Step ids that would be read as credential references. */
export const RESERVED_NAMESPACES: ReadonlySet<string> = new Set(['credentials', 'workspace']);
/** The namespace of environment variables: `{{env.base_url}}` (also not a step id). */
export const ENV_NAMESPACE = 'env';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Parses the text inside the braces. Throws ConnectorError with `errorCode`
 * (INVALID_TEMPLATE for templates, INVALID_EXPRESSION for conditions).
 */
export function parseReference(inner: string, raw: string, errorCode: 'INVALID_TEMPLATE' | 'INVALID_EXPRESSION' = 'INVALID_TEMPLATE'): Reference {
  const text = inner.trim();
  const fail = (message: string, hint: string): never => {
    throw new ConnectorError(errorCode, message, { hint });
  };
  if (text === '') fail(`Empty reference ${raw}.`, 'Write the variable name between the braces, e.g. {{phone}} or {{step_1.contactId}}.');
  const segments = text.split('.').map((s) => s.trim());
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) {
      fail(`The reference ${raw} uses "${segment}", which is not allowed.`, 'References may only name inputs, credentials and step outputs.');
    }
  }
  const [first, ...rest] = segments as [string, ...string[]];
  if (!IDENT.test(first)) {
    fail(`Malformed reference ${raw}.`, 'A reference looks like {{phone}}, {{step_1.contactId}} or {{credentials.api_token}}: letters, digits and _ separated by dots.');
  }
  if (rest.length === 0) return { kind: 'input', name: first, raw };
  if (RESERVED_NAMESPACES.has(first)) {
    if (rest.length !== 1 || !IDENT.test(rest[0]!)) {
      fail(`Malformed credential reference ${raw}.`, 'Write a credential as {{credentials.name}}.');
    }
    return { kind: 'credential', name: rest[0]!, raw };
  }
  if (first === ENV_NAMESPACE) {
    if (rest.length !== 1 || !IDENT.test(rest[0]!)) fail(`Malformed environment variable reference ${raw}.`, 'Write an environment variable as {{env.base_url}}.');
    return { kind: 'env', name: rest[0]!, raw };
  }
  const [output, ...path] = rest as [string, ...string[]];
  if (!IDENT.test(output)) fail(`Malformed step output reference ${raw}.`, 'Write a step output as {{step_id.output_name}}.');
  for (const segment of path) {
    if (!IDENT.test(segment) && !INDEX.test(segment)) {
      fail(`Malformed path "${segment}" in ${raw}.`, 'Path segments after the output name are property names or array indices, e.g. {{step_1.contact.emails.0}}.');
    }
  }
  return path.length > 0 ? { kind: 'step', name: first, output, path, raw } : { kind: 'step', name: first, output, raw };
}

/** Reads an own property of plain data; never walks the prototype chain. */
export function ownValue(container: unknown, key: string): unknown {
  if (container === null || typeof container !== 'object') return undefined;
  if (FORBIDDEN_SEGMENTS.has(key)) return undefined;
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** Walks `path` inside `value` through own properties only; a missing segment gives undefined. */
export function walkPath(value: unknown, path: readonly string[] | undefined): unknown {
  let current = value;
  for (const segment of path ?? []) {
    current = ownValue(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}
