/** The `settings.*` calls: the app's settings file in the user-data folder. */
import type { HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';

export function settingsCalls({ settings }: CoreServices): DomainCalls<Extract<HostCallName, `settings.${string}`>> {
  return {
    'settings.get': async () => settings.get(),
    'settings.update': async (patch) => settings.update(patch),
  };
}
