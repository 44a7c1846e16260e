/**
 * The `connections.*` calls, for every auth kind that signs in (its `signIn` part): Connect (a
 * sign-in whose result is stored in the vault under the credential the block names), status and
 * Disconnect. `openExternal` is the desktop's system browser (Electron's shell.openExternal);
 * without it the page opens the URL in a tab (browser mode).
 */
import { randomUUID } from 'node:crypto';
import { ConnectorError, type Auth } from '#core';
import type { HostCallName } from '../../contract/hostApi.js';
import type { DomainCalls, HostServiceExtension } from '../api/hostExtension.js';
import { createNodeTransport } from '../http/createNodeTransport.js';
import { connectionStatus } from './connectionStatus.js';
import { connectionOf, startSignIn, type SignInFlow } from './signInFlow.js';

type ConnectionsCallName = Extract<HostCallName, `connections.${string}`>;

export interface ConnectionsExtensionOptions {
  openExternal?: (url: string) => Promise<void>;
}

export function connectionsExtension(options: ConnectionsExtensionOptions = {}): HostServiceExtension {
  return (context) => {
    const flows = new Map<string, { flow: SignInFlow; auth: Auth }>();
    const transport = createNodeTransport();
    const calls: DomainCalls<ConnectionsCallName> = {
      'connections.connect': async ({ auth }) => {
        const flow = await startSignIn(auth, { credentials: await context.vault.values(), credentialsPlace: 'the Credentials panel', transport });
        const flowId = randomUUID();
        flows.set(flowId, { flow, auth });
        // The listener closes when the flow settles; forget it then too.
        flow.value.then(() => undefined, () => undefined).finally(() => setTimeout(() => flows.delete(flowId), 60_000).unref());
        let opened = false;
        if (options.openExternal) {
          await options.openExternal(flow.url);
          opened = true;
        }
        return { flowId, authorizationUrl: flow.url, opened };
      },
      'connections.finish': async ({ flowId }) => {
        const entry = flows.get(flowId);
        if (!entry) throw new ConnectorError('CANCELLED', 'This sign-in is no longer running.', { hint: 'Press Connect again.' });
        const value = await entry.flow.value;
        await context.vault.set(entry.flow.connection, value);
        flows.delete(flowId);
        context.logger.info('connection connected', { credential: entry.flow.connection });
        return connectionStatus(entry.auth, entry.flow.connection, value);
      },
      'connections.status': async ({ auth }) => {
        const credential = connectionOf(auth);
        return connectionStatus(auth, credential, await context.vault.get(credential));
      },
      'connections.disconnect': async ({ auth }) => {
        const credential = connectionOf(auth);
        await context.vault.delete(credential);
        return connectionStatus(auth, credential, undefined);
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
