export { applyAuth } from './applyAuth.js';
export type { AuthContext, AuthorizedRequest } from './applyAuth.js';
export { createOAuthTokenCache, OAUTH_TOKEN_STEP_ID } from './oauthTokenCache.js';
export type { ClientCredentials, OAuthTokenCache, TokenRequestContext } from './oauthTokenCache.js';
