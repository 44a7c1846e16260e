/**
 * One sign-in with the authorization-code flow (RFC 6749 §4.1 + PKCE S256 + loopback redirect): the
 * same for the desktop app, browser mode and the CLI. `start` returns the URL to open at once (the
 * caller opens it: Electron's shell.openExternal, a browser tab, or a line in the terminal); `tokens`
 * settles when the browser comes back, after `state` is checked and the code exchanged.
 */
import { authorizationCode, ConnectorError, systemClock, type HttpTransport } from '#core';
import { listenForRedirect } from './loopbackRedirect.js';
import { createPkce, randomState } from './pkce.js';

export interface ResolvedAuthorizationCodeClient {
  authorizationUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
  scope?: string | undefined;
  extraParams?: ReadonlyArray<{ key: string; value: string }> | undefined;
}

export interface AuthorizationCodeFlow {
  authorizationUrl: string;
  redirectUri: string;
  tokens: Promise<authorizationCode.TokenSet>;
  cancel(): void;
}

/** A sign-in left unfinished this long is given up (and its listener closed). */
export const SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export async function startAuthorizationCodeFlow(client: ResolvedAuthorizationCodeClient, options: { transport: HttpTransport; timeoutMs?: number }): Promise<AuthorizationCodeFlow> {
  const loopback = await listenForRedirect();
  const { verifier, challenge } = createPkce();
  const state = randomState();
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS;
  const timer = setTimeout(() => controller.abort(new ConnectorError('TIMEOUT', `The sign-in was not finished within ${Math.round(timeoutMs / 60_000)} minutes.`, { hint: 'Press Connect again and finish the sign-in in the browser.' })), timeoutMs);
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }));
  const url = authorizationCode.authorizationUrl({ authorizationUrl: client.authorizationUrl, clientId: client.clientId, redirectUri: loopback.redirectUri, scope: client.scope, state, codeChallenge: challenge, extraParams: client.extraParams });
  const tokens = (async () => {
    try {
      const query = await Promise.race([loopback.query, aborted]);
      const code = authorizationCode.readAuthorizationResponse(query, state);
      return await authorizationCode.exchangeCode(
        { tokenUrl: client.tokenUrl, clientId: client.clientId, clientSecret: client.clientSecret },
        { code, redirectUri: loopback.redirectUri, codeVerifier: verifier },
        { transport: options.transport, clock: systemClock, signal: controller.signal },
      );
    } finally {
      clearTimeout(timer);
      await loopback.close();
    }
  })();
  // The caller may only look at the outcome later (after the browser came back): not unhandled meanwhile.
  tokens.catch(() => {});
  return {
    authorizationUrl: url,
    redirectUri: loopback.redirectUri,
    tokens,
    cancel: () => controller.abort(new ConnectorError('CANCELLED', 'The sign-in was cancelled.')),
  };
}
