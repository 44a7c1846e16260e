export { isInterchangeDocument, importInterchange, SINGLE_STEP_ID } from './importInterchange.js';
export { exportInterchange } from './exportInterchange.js';
export { environmentUsages, mapEnvironmentForExport, type ExportEnvironment } from './environmentExport.js';
export { loadConnectorDocument } from './loadConnectorDocument.js';
export { validateDocument } from './validateDocument.js';
export { InterchangeSchema, type InterchangeDocument, type InterchangeInput, type InterchangeStep, type InterchangeParallel } from './schema.js';
export { serializeConnector, DOCUMENT_FORMATS, type DocumentFormat } from './serializeConnector.js';
