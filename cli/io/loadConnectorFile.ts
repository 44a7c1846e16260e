import { isConnectorError, loadConnectorDocument, toConnectorError, type Connector } from '../../core/index.js';
import { CliError } from '../errors/CliError.js';
import { readJsonFile } from './readJsonFile.js';

export interface DocumentIssue {
  path: string;
  message: string;
  hint?: string | undefined;
  severity?: 'error' | 'warning' | undefined;
}

/**
 * Reads a connector file in either format (the app's own or the interchange format).
 * Every failure becomes a CliError whose message names the file and lists what to fix.
 */
export async function loadConnectorFile(path: string): Promise<Connector> {
  const raw = await readJsonFile(path, 'connector');
  try {
    return loadConnectorDocument(raw);
  } catch (error) {
    throw new CliError(describeInvalidDocument(path, error));
  }
}

/** The issues a failed load carries, whatever the core attached them to. */
export function issuesOf(error: unknown): DocumentIssue[] {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  for (const candidate of candidates) {
    const issues = (candidate as { issues?: unknown } | null)?.issues;
    if (Array.isArray(issues)) return issues as DocumentIssue[];
  }
  return [];
}

export function formatIssue(issue: DocumentIssue): string {
  const where = issue.path ? `${issue.path}: ` : '';
  return `${where}${issue.message}${issue.hint ? ` (${issue.hint})` : ''}`;
}

export function describeInvalidDocument(path: string, error: unknown): string {
  if (!isConnectorError(error)) throw error;
  const connectorError = toConnectorError(error);
  const issues = issuesOf(error).filter((issue) => issue.severity !== 'warning');
  if (issues.length === 0) {
    return `${path} is not a valid connector: ${formatIssue({ path: connectorError.path ?? '', message: connectorError.message, hint: connectorError.hint })}. Run \`connector-studio validate ${path}\` for details.`;
  }
  const shown = issues.slice(0, 10).map((issue) => `  ${formatIssue(issue)}`);
  const more = issues.length > shown.length ? [`  … and ${issues.length - shown.length} more (run \`connector-studio validate ${path}\`)`] : [];
  return [`${path} is not a valid connector (${issues.length} problem${issues.length === 1 ? '' : 's'}):`, ...shown, ...more].join('\n');
}
