import type { Connector } from '../schema/connector.js';
import { invalidDocument } from '../validation/validateConnector.js';
import { validateDocument } from './validateDocument.js';

/**
 * Accepts either the app's own format or the interchange format and returns a fully validated
 * Connector. Throws ConnectorError('INVALID_DOCUMENT') carrying every problem (`issues`, with
 * paths in the file's own format).
 */
export function loadConnectorDocument(raw: unknown): Connector {
  const result = validateDocument(raw);
  if (result.ok && result.connector) return result.connector;
  throw invalidDocument(result.issues);
}
