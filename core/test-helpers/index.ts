export { createTestServer, reply } from './createTestServer.js';
export type { TestServer } from './createTestServer.js';
export { makeConnector, secretsFrom } from './connectors.js';
export { normaliseInterchange } from './normaliseInterchange.js';
export { createAuthorizationServer } from './createAuthorizationServer.js';
export type { AuthorizationServer } from './createAuthorizationServer.js';
