import { ConnectorError, isConnectorError } from '../errors/ConnectorError.js';
import { ConnectorSchema, type Connector } from '../schema/connector.js';
import { migrateDocument } from '../schema/migrations.js';
import { documentIssues } from './documentRules.js';
import { graphIssues } from './graphRules.js';
import { formatIssues, type ValidationIssue } from './issue.js';
import { referenceIssues } from './referenceRules.js';
import { structuralIssues } from './structuralIssues.js';
import { unknownKeyIssues } from './unknownKeys.js';

export interface ValidationResult {
  /** True when there is no issue of severity `error` (warnings allowed). */
  ok: boolean;
  /** The migrated, parsed document (defaults applied) whenever its shape is valid, even if `ok` is false. */
  connector?: Connector;
  issues: ValidationIssue[];
}

/**
 * Checks a raw connector document in the app's own format: migrations, the zod schema (issues
 * with paths such as `steps[1].url`), then the rules that need the whole document — unique ids,
 * edges and cycles, size limits, conditions that parse, references that exist where they are used
 * (`availableVariables`), field mappings, JSONPaths, and secrets that must be credential references.
 * Never throws for bad input.
 */
export function validateConnector(raw: unknown): ValidationResult {
  let migrated: unknown;
  try {
    migrated = migrateDocument(raw);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    return { ok: false, issues: [{ path: error.path ?? '', message: error.message, hint: error.hint, severity: 'error' }] };
  }
  const parsed = ConnectorSchema.safeParse(migrated);
  if (!parsed.success) return { ok: false, issues: [...structuralIssues(parsed.error, migrated), ...unknownKeyIssues(migrated)] };
  const connector = parsed.data;
  const issues = [...graphIssues(connector), ...referenceIssues(connector), ...documentIssues(connector), ...unknownKeyIssues(migrated)];
  return { ok: !issues.some((i) => i.severity === 'error'), connector, issues };
}

/** The validated Connector, or ConnectorError('INVALID_DOCUMENT') whose message lists every error. */
export function parseConnector(raw: unknown): Connector {
  const result = validateConnector(raw);
  if (result.ok && result.connector) return result.connector;
  throw invalidDocument(result.issues);
}

/** Builds the INVALID_DOCUMENT error for a list of issues (path of the first error kept). */
export function invalidDocument(issues: readonly ValidationIssue[]): ConnectorError {
  const errors = issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  return new ConnectorError('INVALID_DOCUMENT', `The connector is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${formatIssues(errors)}`, {
    path: first?.path,
    hint: first?.hint ?? 'Fix the problems listed above.',
  });
}
