export { describeOpenApi } from './listOperations.js';
export type { OpenApiOperation, OpenApiOverview, SpecObject } from './types.js';
export { buildConnectorFromOpenApi, type OpenApiImportOptions, type OpenApiImportResult } from './buildConnectorFromOpenApi.js';
export { sampleFromSchema } from './schemaSample.js';
