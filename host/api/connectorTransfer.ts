/**
 * Import and export of connector documents: the app's own file format, and the
 * interchange format (through core's interchange module).
 */
import type { Connector } from '../../core/schema/connector.js';
import { validateConnector } from '../../core/validation/index.js';
import { HostError, type ValidationIssue } from '../../contract/hostApi.js';
import { toStableJson } from '../workspace/stableJson.js';

export function parseImport(content: string, format: 'auto' | 'app' | 'interchange'): { connector: Connector; issues: ValidationIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw new HostError('INVALID_DOCUMENT', `The file is not valid JSON: ${(error as Error).message}`, { hint: 'Check that you picked a connector file (.json).' });
  }
  if (format === 'interchange') {
    throw new HostError('UNSUPPORTED', 'Interchange import is not available in this build yet.', { hint: 'Import the app format (.connector.json) instead.' });
  }
  const result = validateConnector(raw);
  if (!result.connector) {
    const first = result.issues.find((i) => i.severity === 'error');
    throw new HostError('INVALID_DOCUMENT', `Not a connector this app can read: ${first?.path ? `${first.path}: ` : ''}${first?.message ?? 'unknown problem'}`, { hint: first?.hint, path: first?.path });
  }
  return { connector: result.connector, issues: result.issues };
}

export function exportConnector(connector: Connector, format: 'app' | 'interchange', file: string): { fileName: string; content: string } {
  if (format === 'interchange') {
    throw new HostError('UNSUPPORTED', 'Interchange export is not available in this build yet.', { hint: 'Export the app format instead.' });
  }
  return { fileName: file, content: toStableJson(connector) };
}
