export { createOAuthTokenCache } from './oauthTokenCache.js';
export { AUTH_KINDS, AUTH_TYPES } from './kinds/registry.js';
export { signInCredentials } from './signInCredentials.js';
export * as authorizationCode from './kinds/oauth2AuthorizationCode/index.js';
