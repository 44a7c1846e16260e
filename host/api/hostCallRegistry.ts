/**
 * Every domain's host calls, in one list. The built-in domains implement their calls over the
 * shared stores (CoreServices); the others are extensions started with HostServiceContext
 * (account and sync, templates, connections). To add a domain, see
 * docs/contributing/adding-a-host-call.md.
 */
import type { HostCallName } from '../../contract/hostApi.js';
import { accountExtension, type AccountExtensionOptions } from '../account/accountExtension.js';
import { hasNetwork, type NetworkInterfacesReader } from '../account/connectionProblem.js';
import { appCalls } from '../app/appCalls.js';
import { environmentCalls } from '../environments/environmentCalls.js';
import { connectionsExtension, type ConnectionsExtensionOptions } from '../connections/connectionsExtension.js';
import { openApiCalls } from '../openapi/openApiCalls.js';
import { runCalls } from '../runs/runCalls.js';
import { settingsCalls } from '../settings/settingsCalls.js';
import { templatesExtension, type TemplatesExtensionOptions } from '../templates/templatesExtension.js';
import { credentialCalls } from '../vault/credentialCalls.js';
import { connectorCalls } from '../workspace/connectorCalls.js';
import { workspaceCalls } from '../workspace/workspaceCalls.js';
import type { CoreServices } from './coreServices.js';
import type { DomainCalls, HostServiceExtension } from './hostExtension.js';

/** Calls provided by extensions rather than by the built-in domains. */
export type ExtensionCallName = Extract<HostCallName, `account.${string}` | `sync.${string}` | `serverRuns.${string}` | `admin.${string}` | `templates.${string}` | `connections.${string}`>;

/** The built-in domains; the compiler checks that together they implement every call that no extension does. */
export function builtinCalls(core: CoreServices): DomainCalls<Exclude<HostCallName, ExtensionCallName>> {
  return {
    ...appCalls(core),
    ...workspaceCalls(core),
    ...connectorCalls(core),
    ...openApiCalls(),
    ...environmentCalls(core),
    ...credentialCalls(core),
    ...runCalls(core),
    ...settingsCalls(core),
  };
}

/** Account + sync, then the template marketplace, handed the account service for its signed-in remote. */
export function accountAndTemplatesExtension(options: { account?: AccountExtensionOptions; templates?: Omit<TemplatesExtensionOptions, 'account'> } = {}): HostServiceExtension {
  return async (context) => {
    const account = await accountExtension(options.account)(context);
    try {
      const templates = await templatesExtension({ ...options.templates, account: account.service })(context);
      return {
        calls: { ...account.calls, ...templates.calls },
        async close() {
          await templates.close?.();
          await account.close?.();
        },
      };
    } catch (error) {
      await account.close?.();
      throw error;
    }
  };
}

/** The extensions a full app starts (tests pass their own subset as HostServicesOptions.extensions). */
export function defaultExtensions(options: { templatesDir?: string | null; networkInterfaces?: NetworkInterfacesReader }): HostServiceExtension[] {
  const read = options.networkInterfaces;
  return [
    accountAndTemplatesExtension({
      ...(read ? { account: { networkUp: () => hasNetwork(read) } } : {}),
      templates: options.templatesDir === undefined ? {} : { builtinDir: options.templatesDir },
    }),
  ];
}

/** Connections (sign-ins) need only the vault: always there, whichever account/templates extensions a caller picks. */
export function alwaysOnExtensions(options: ConnectionsExtensionOptions): HostServiceExtension[] {
  return [connectionsExtension(options)];
}
