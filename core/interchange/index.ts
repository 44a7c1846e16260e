export { isInterchangeDocument, importInterchange } from './importInterchange.js';
export { exportInterchange } from './exportInterchange.js';
export type { ExportEnvironment } from './environmentExport.js';
export { loadConnectorDocument } from './loadConnectorDocument.js';
export { validateDocument } from './validateDocument.js';
export { serializeConnector, DOCUMENT_FORMATS, type DocumentFormat } from './serializeConnector.js';
