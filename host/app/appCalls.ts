/** `app.info`: what the renderer shows in About and uses to check the contract version. */
import { HOST_API_VERSION, type HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';

export function appCalls({ app, vault }: CoreServices): DomainCalls<Extract<HostCallName, `app.${string}`>> {
  return {
    'app.info': async () => ({
      name: 'Connector Studio',
      version: app.version,
      mode: app.mode,
      platform: process.platform,
      apiVersion: HOST_API_VERSION,
      vault: vault.status(),
    }),
  };
}
