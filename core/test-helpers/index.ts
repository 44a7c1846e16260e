export { createTestServer, reply } from './createTestServer.js';
export type { CapturedRequest, Reply, Route, TestServer } from './createTestServer.js';
export { createFakeClock } from './fakeClock.js';
export type { FakeClock } from './fakeClock.js';
export { makeConnector, noSecrets, secretsFrom } from './connectors.js';
export { normaliseInterchange } from './normaliseInterchange.js';
export { createAuthorizationServer } from './createAuthorizationServer.js';
export type { AuthorizationServer, AuthorizationServerOptions } from './createAuthorizationServer.js';
