import { ConnectorError, isConnectorError } from '../errors/ConnectorError.js';
import { indexGraph } from '../graph/graphIndex.js';
import { connectorSchemaFor, type Connector } from '../schema/connector.js';
import type { StepKindRegistry } from '../steps/registry.js';
import { migrateDocument } from '../schema/migrations.js';
import { documentIssues } from './documentRules.js';
import { graphIssues } from './graphRules.js';
import { formatIssues, issueAt, type ValidationIssue } from './issue.js';
import { referenceIssues } from './referenceRules.js';
import { isUnder, mentionsStandIn, salvage } from './salvage.js';
import { structuralIssues } from './structuralIssues.js';
import { unknownKeyIssues } from './unknownKeys.js';

export interface ValidationResult {
  /** True when there is no issue of severity `error` (warnings allowed). */
  ok: boolean;
  /** The migrated, parsed document (defaults applied) whenever its shape is valid, even if `ok` is false. */
  connector?: Connector;
  issues: ValidationIssue[];
}

export interface ValidateOptions {
  /** The step kinds the document may use (default: the app's, core/steps/registry.ts); tests add their own. */
  stepKinds?: StepKindRegistry;
}

/**
 * Checks a raw connector document in the app's own format and lists every problem in one pass:
 * migrations, the zod schema, then the rules that need the whole document — unique ids, edges
 * and cycles, size limits, conditions that parse, references that exist where they are used,
 * field mappings, JSONPaths, and secrets that must be credential references. When the shape is
 * wrong, the rules still run on a salvaged copy (salvage.ts) so that, say, a step without a URL
 * does not hide a duplicate id elsewhere. Never throws for bad input.
 */
export function validateConnector(raw: unknown, options: ValidateOptions = {}): ValidationResult {
  const registry = options.stepKinds;
  const schema = connectorSchemaFor(registry);
  let migrated: unknown;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { ok: false, issues: [issueAt(raw, error.path ?? '', error.message.replace(/\.$/, ''), { hint: error.hint, standalone: true })] };
  }
  const parsed = schema.safeParse(migrated);
  if (parsed.success) {
    const issues = [...ruleIssues(parsed.data, registry), ...unknownKeyIssues(migrated, registry)];
    return { ok: !issues.some((i) => i.severity === 'error'), connector: parsed.data, issues };
  }
  const shape = structuralIssues(parsed.error, migrated, registry);
  const salvaged = salvage(schema, migrated);
  const rules = salvaged ? ruleIssues(salvaged.value, registry).filter((issue) => !isUnder(issue.path, salvaged.repaired) && !mentionsStandIn(issue.message)) : [];
  return { ok: false, issues: [...shape, ...rules, ...unknownKeyIssues(migrated, registry)] };
}

function ruleIssues(connector: Connector, registry: StepKindRegistry | undefined): ValidationIssue[] {
  const index = indexGraph(connector);
  return [...graphIssues(connector, index), ...referenceIssues(connector, index, registry), ...documentIssues(connector, registry)];
}

/** The validated Connector, or ConnectorError('INVALID_DOCUMENT') that carries every problem. */
export function parseConnector(raw: unknown, options: ValidateOptions = {}): Connector {
  const result = validateConnector(raw, options);
  if (result.ok && result.connector) return result.connector;
  throw invalidDocument(result.issues);
}

/**
 * The INVALID_DOCUMENT error for a list of issues. One problem: its message and hint as they
 * are. Several: one line each (message and what to do), with no sentence wrapped around them.
 * The issues themselves travel with the error (`issues`) for callers that list them.
 */
export function invalidDocument(issues: readonly ValidationIssue[]): ConnectorError {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  if (errors.length <= 1) {
    return new ConnectorError('INVALID_DOCUMENT', first?.message ?? 'The connector is not valid.', { path: first?.path, hint: first?.hint, issues: errors });
  }
  return new ConnectorError('INVALID_DOCUMENT', formatIssues(errors), { path: first?.path, issues: errors });
}
