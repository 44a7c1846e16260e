import type { Connector } from '../schema/connector.js';
import { invalidDocument, validateConnector } from '../validation/validateConnector.js';
import { importInterchange, isInterchangeDocument } from './importInterchange.js';

/**
 * Accepts either the app's own format or the interchange format and returns a fully validated
 * Connector. Throws ConnectorError('INVALID_DOCUMENT') listing every problem (with paths).
 */
export function loadConnectorDocument(raw: unknown): Connector {
  const candidate = isInterchangeDocument(raw) ? importInterchange(raw) : raw;
  const result = validateConnector(candidate);
  if (result.ok && result.connector) return result.connector;
  throw invalidDocument(result.issues);
}
