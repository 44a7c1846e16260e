import { ConnectorSchema, EdgeSchema, StepSchema } from '../schema/connector.js';
import { issueAt, type ValidationIssue } from './issue.js';

const CONNECTOR_KEYS = new Set(Object.keys(ConnectorSchema.shape));
const STEP_KEYS = new Set(Object.keys(StepSchema.shape));
const EDGE_KEYS = new Set(Object.keys(EdgeSchema.shape));

/**
 * Fields the schema does not know are dropped when the document is parsed; a warning names each
 * one so a typo (`queryParam`, `heders`) is not lost silently.
 */
export function unknownKeyIssues(migrated: unknown): ValidationIssue[] {
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
      check(step, STEP_KEYS, `steps[${i}]`, typeof id === 'string' ? { stepId: id } : {});
    });
  }
  if (Array.isArray(doc.edges)) doc.edges.forEach((edge: unknown, j) => check(edge, EDGE_KEYS, `edges[${j}]`));
  return issues;
}
