/** The `credentials.*` calls: the vault's named secrets (environment secrets share it but are managed under Environments). */
import type { HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';
import { isEnvironmentSecretKey } from '../environments/environmentsFile.js';

export function credentialCalls({ vault }: CoreServices): DomainCalls<Extract<HostCallName, `credentials.${string}`>> {
  return {
    'credentials.list': async () => (await vault.list()).filter((c) => !isEnvironmentSecretKey(c.name)),
    'credentials.set': async ({ name, value }) => vault.set(name, value),
    'credentials.delete': async ({ name }) => ({ deleted: await vault.delete(name) }),
  };
}
