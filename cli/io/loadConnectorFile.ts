import {
  importInterchange,
  isConnectorError,
  isInterchangeDocument,
  loadConnectorDocument,
  toConnectorError,
  validateConnector,
  type Connector,
  type ValidationIssue,
} from '../../core/index.js';
import { CliError } from '../errors/CliError.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * Reads a connector file in either format (the app's own or the interchange format) through
 * the core's `loadConnectorDocument`. Every failure becomes a CliError (exit 2) that names
 * the file and lists what to fix, one problem per line.
 */
export async function loadConnectorFile(path: string): Promise<Connector> {
  const raw = await readJsonFile(path, 'connector');
  try {
    return loadConnectorDocument(raw);
  } catch (error) {
    if (!isConnectorError(error)) throw error;
    const issues = documentIssues(raw).filter((issue) => issue.severity === 'error');
    throw new CliError(formatInvalidDocument(`${path} is not a valid connector`, issues, error));
  }
}

export interface DocumentCheck {
  connector?: Connector | undefined;
  issues: ValidationIssue[];
}

/**
 * The structured problems of a raw document in either format, for reports. The core's
 * INVALID_DOCUMENT error carries them only as text, so they are recomputed here with
 * the same core functions `loadConnectorDocument` is made of.
 */
export function checkConnectorDocument(raw: unknown): DocumentCheck {
  let candidate = raw;
  if (isInterchangeDocument(raw)) {
    try {
      candidate = importInterchange(raw);
    } catch (error) {
      const connectorError = toConnectorError(error);
      return { issues: [{ path: connectorError.path ?? '', message: connectorError.message, hint: connectorError.hint, severity: 'error' }] };
    }
  }
  const result = validateConnector(candidate);
  return { connector: result.ok ? result.connector : undefined, issues: result.issues };
}

function documentIssues(raw: unknown): ValidationIssue[] {
  try {
    return checkConnectorDocument(raw).issues;
  } catch {
    return [];
  }
}

export function formatIssue(issue: Pick<ValidationIssue, 'path' | 'message' | 'hint'>): string {
  const where = issue.path ? `${issue.path}: ` : '';
  return `${where}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

export function formatInvalidDocument(title: string, issues: ValidationIssue[], fallback: unknown): string {
  if (issues.length === 0) {
    const error = toConnectorError(fallback);
    return `${title}: ${formatIssue({ path: error.path ?? '', message: error.message, hint: error.hint })}`;
  }
  const shown = issues.slice(0, 20).map((issue) => `  ${formatIssue(issue)}`);
  const more = issues.length > shown.length ? [`  … and ${issues.length - shown.length} more`] : [];
  return [`${title} (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n');
}
