import type { Connector } from '../schema/connector.js';
import { toStableJson } from '../schema/stableJson.js';
import { exportInterchange } from './exportInterchange.js';
import type { ExportEnvironment } from './environmentExport.js';

export const DOCUMENT_FORMATS = ['app', 'interchange'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/**
 * The text of a connector in the app's file format (stable key order) or the interchange format:
 * what the app's Export and the CLI's `convert` write. A graph the interchange cannot express
 * throws ConnectorError('UNSUPPORTED_EXPORT'); its message and hint are what both show.
 */
export function serializeConnector(connector: Connector, format: DocumentFormat, options: { environment?: ExportEnvironment | undefined } = {}): string {
  if (format === 'interchange') return `${JSON.stringify(exportInterchange(connector, options), null, 2)}\n`;
  return toStableJson(connector);
}
