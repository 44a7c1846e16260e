/**
 * The public API of the connector core. Everything a host, the CLI, the renderer or a
 * server job may use is exported here by name; files not re-exported are private.
 */
export * from './schema/connector.js';
export * from './schema/limits.js';
export * from './errors/ConnectorError.js';
export type * from './ports/index.js';
export { silentLogger } from './ports/index.js';
export type * from './executor/types.js';
export * from './template/index.js';
export * from './expression/index.js';
export * from './jsonpath/index.js';
export * from './graph/index.js';
export * from './schema/migrations.js';
export * from './schema/documentBounds.js';
export { toStableJson } from './schema/stableJson.js';
export * from './validation/index.js';
export { systemClock } from './ports/index.js';
export * from './executor/index.js';
export * from './transport/index.js';
export * from './ratelimit/index.js';
export * from './redaction/index.js';
export * from './auth/index.js';
export * from './steps/index.js';
export * from './mapping/index.js';
export * from './testing/index.js';
export * from './templates/index.js';
export * from './interchange/index.js';
export * from './openapi/index.js';
export { envVariablesOf, offlineEnvironment } from './environments/placeholders.js';
