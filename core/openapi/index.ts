export { describeOpenApi } from './listOperations.js';
export type { SpecObject } from './types.js';
export { buildConnectorFromOpenApi } from './buildConnectorFromOpenApi.js';
export { sampleFromSchema } from './schemaSample.js';
