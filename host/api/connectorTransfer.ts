/**
 * Import of connector documents: the app's own file format, and the interchange format
 * (through core's interchange module), and export in either (core's serializeConnector). An import that parses but
 * breaks a rule (a cycle, an unknown reference) is kept, with its issues, so the user
 * can fix it in the editor; one that cannot be parsed is refused with the reason.
 */
import { isConnectorError, parseDocumentJson, serializeConnector, type ExportEnvironment, type Connector, importInterchange, isInterchangeDocument, validateConnector } from '#core';
import { HostError, type ValidationIssue } from '../../contract/hostApi.js';
import { CONNECTOR_FILE_SUFFIX } from '../workspace/connectorFileName.js';

export function parseImport(content: string, format: 'auto' | 'app' | 'interchange'): { connector: Connector; issues: ValidationIssue[] } {
  let raw: unknown;
  try {
    raw = parseDocumentJson(content);
  } catch (error) {
    if (isConnectorError(error)) throw new HostError('INVALID_DOCUMENT', `Not a connector this app can read: ${error.message}`, { hint: error.hint });
    throw new HostError('INVALID_DOCUMENT', `The file is not valid JSON: ${(error as Error).message}`, { hint: 'Check that it is a whole connector file (.json), pasted or picked.' });
  }
  const interchange = format === 'interchange' || (format === 'auto' && isInterchangeDocument(raw));
  const result = validateConnector(interchange ? importInterchange(raw) : raw);
  if (!result.connector) {
    const first = result.issues.find((i) => i.severity === 'error');
    throw new HostError('INVALID_DOCUMENT', `Not a connector this app can read: ${first?.message ?? 'unknown problem'}`, { hint: first?.hint, path: first?.path });
  }
  return { connector: result.connector, issues: result.issues };
}

/** `environment`: whose values `{{env.x}}` takes in the interchange format (see core's environmentExport). */
export function exportConnector(connector: Connector, format: 'app' | 'interchange', file: string, environment?: ExportEnvironment): { fileName: string; content: string } {
  const content = serializeConnector(connector, format, { environment: format === 'interchange' ? environment : undefined });
  if (format === 'app') return { fileName: file, content };
  const base = file.endsWith(CONNECTOR_FILE_SUFFIX) ? file.slice(0, -CONNECTOR_FILE_SUFFIX.length) : file;
  return { fileName: `${base}.interchange.json`, content };
}
