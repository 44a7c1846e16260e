/** The `environments.*` calls: the open workspace's environments (environments.json), their secrets in the vault. */
import type { HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';

export function environmentCalls({ environments }: CoreServices): DomainCalls<Extract<HostCallName, `environments.${string}`>> {
  return {
    'environments.list': async () => environments.list(),
    'environments.save': async ({ name, ...environment }) => environments.save(name, environment),
    'environments.delete': async ({ name }) => environments.delete(name),
    'environments.rename': async ({ name, to }) => environments.rename(name, to),
    'environments.setSecret': async ({ environment, name, value }) => environments.setSecret(environment, name, value),
  };
}
