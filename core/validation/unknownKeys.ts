import { ConnectorSchema, EdgeSchema } from '../schema/connector.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';
import { issueAt, type ValidationIssue } from './issue.js';

const CONNECTOR_KEYS = new Set(Object.keys(ConnectorSchema.shape));
const EDGE_KEYS = new Set(Object.keys(EdgeSchema.shape));
const stepKeys = new WeakMap<object, Set<string>>();

/** The fields a step of this kind has (its kind's schema); undefined for a kind the registry does not know (reported as such). */
function keysOfKind(step: unknown, registry: StepKindRegistry): Set<string> | undefined {
  const kind = step !== null && typeof step === 'object' ? registry.find(step as { kind?: unknown }) : undefined;
  if (!kind) return undefined;
  let keys = stepKeys.get(kind);
  if (!keys) stepKeys.set(kind, (keys = new Set(Object.keys(kind.schema.shape))));
  return keys;
}

/**
 * Fields the schema does not know are dropped when the document is parsed; a warning names each
 * one so a typo (`queryParam`, `heders`) is not lost silently.
 */
export function unknownKeyIssues(migrated: unknown, registry: StepKindRegistry = STEP_KINDS): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const check = (value: unknown, known: Set<string>, at: string, extra: { stepId?: string } = {}) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        issues.push(issueAt(migrated, at ? `${at}.${key}` : key, 'is not a known field and is ignored', { hint: 'Check the spelling, or remove the field: it is dropped when the connector is saved.', severity: 'warning', ...extra }));
      }
    }
  };
  check(migrated, CONNECTOR_KEYS, '');
  const doc = migrated as { steps?: unknown; edges?: unknown };
  if (Array.isArray(doc.steps)) {
    doc.steps.forEach((step: unknown, i) => {
      const id = (step as { id?: unknown } | null)?.id;
      const known = keysOfKind(step, registry);
      if (known) check(step, known, `steps[${i}]`, typeof id === 'string' ? { stepId: id } : {});
    });
  }
  if (Array.isArray(doc.edges)) doc.edges.forEach((edge: unknown, j) => check(edge, EDGE_KEYS, `edges[${j}]`));
  return issues;
}
