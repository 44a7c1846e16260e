/**
 * The `oauth.*` calls: Connect (a sign-in with the authorization-code flow, its tokens stored in
 * the vault under the credential the auth block's `tokens` names), status and Disconnect.
 * `openExternal` is the desktop's system browser (Electron's shell.openExternal); without it the
 * page opens the URL in a tab (browser mode).
 */
import { randomUUID } from 'node:crypto';
import { authorizationCode, ConnectorError } from '#core';
import type { HostCallName } from '../../contract/hostApi.js';
import type { DomainCalls, HostServiceExtension } from '../api/hostExtension.js';
import { createNodeTransport } from '../http/createNodeTransport.js';
import { startAuthorizationCodeFlow, type AuthorizationCodeFlow } from './authorizationCodeFlow.js';
import { connectionStatus } from './connectionStatus.js';
import { resolveClient } from './resolveClient.js';

type OAuthCallName = Extract<HostCallName, `oauth.${string}`>;

export interface OAuthExtensionOptions {
  openExternal?: (url: string) => Promise<void>;
}

const TOKENS_REF = /^\{\{\s*credentials\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;

export function oauthExtension(options: OAuthExtensionOptions = {}): HostServiceExtension {
  return (context) => {
    const flows = new Map<string, { flow: AuthorizationCodeFlow; credential: string }>();
    const transport = createNodeTransport();
    const calls: DomainCalls<OAuthCallName> = {
      'oauth.connect': async ({ auth }) => {
        const credential = TOKENS_REF.exec(auth.tokens)?.[1];
        if (!credential) throw new ConnectorError('INVALID_DOCUMENT', 'Name the credential that keeps the connection, as {{credentials.name}}.', { hint: 'Fill in "Keep the connection in".' });
        const flow = await startAuthorizationCodeFlow(resolveClient(auth, await context.vault.values()), { transport });
        const flowId = randomUUID();
        flows.set(flowId, { flow, credential });
        // The listener closes when the flow settles; forget it then too.
        flow.tokens.then(() => undefined, () => undefined).finally(() => setTimeout(() => flows.delete(flowId), 60_000).unref());
        let opened = false;
        if (options.openExternal) {
          await options.openExternal(flow.authorizationUrl);
          opened = true;
        }
        return { flowId, authorizationUrl: flow.authorizationUrl, opened };
      },
      'oauth.finish': async ({ flowId }) => {
        const entry = flows.get(flowId);
        if (!entry) throw new ConnectorError('CANCELLED', 'This sign-in is no longer running.', { hint: 'Press Connect again.' });
        const tokens = await entry.flow.tokens;
        const value = authorizationCode.serializeTokenSet(tokens);
        await context.vault.set(entry.credential, value);
        flows.delete(flowId);
        context.logger.info('oauth connected', { credential: entry.credential });
        return connectionStatus(entry.credential, value);
      },
      'oauth.status': async ({ credential }) => connectionStatus(credential, await context.vault.get(credential)),
      'oauth.disconnect': async ({ credential }) => {
        await context.vault.delete(credential);
        return connectionStatus(credential, undefined);
      },
    };
    return {
      calls,
      close: async () => {
        for (const { flow } of flows.values()) flow.cancel();
        flows.clear();
      },
    };
  };
}
