export { createOAuthTokenCache } from './oauthTokenCache.js';
export { AUTH_KINDS, AUTH_TYPES, authKindOf } from './kinds/registry.js';
export { signInCredentials } from './signInCredentials.js';
export type { AuthCarrier, AuthKindDefinition, InterchangeMapping } from './kinds/authKind.js';
export type { ConnectionDetails, SignInAttempt, SignInContext, SignInCrypto, SignInDefinition } from './signIn.js';
export * as authorizationCode from './kinds/oauth2AuthorizationCode/index.js';
