/** The host client over the Electron preload bridge: unwraps each outcome into a value or a HostError. */
import { buildHostApi } from '../../contract/buildHostApi.js';
import { fromSerializedHostError } from '../../contract/hostError.js';
import type { HostBridge, HostCallOutcome, HostClient } from '../../contract/hostApi.js';

export function createElectronHostClient(bridge: HostBridge): HostClient {
  const api = buildHostApi(async (name, params) => {
    const [namespace, method] = name.split('.') as [keyof HostBridge, string];
    const fn = (bridge[namespace] as Record<string, (p?: unknown) => Promise<HostCallOutcome>>)[method];
    if (!fn) throw new Error(`The preload does not expose ${name}; the app and its preload are out of date.`);
    const outcome = await fn(params);
    if (!outcome.ok) throw fromSerializedHostError(outcome.error);
    return outcome.value;
  });
  return { ...api, subscribe: (name, handler) => bridge.subscribe(name, handler) };
}
