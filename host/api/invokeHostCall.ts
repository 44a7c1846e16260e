/**
 * The one entry point the transports (Electron IPC, the browser-mode server) use: look up
 * the named call, run it (the services validate the payload), and turn any failure into a
 * serialisable outcome. Nothing thrown crosses the boundary raw. Payloads pass core's document
 * guard first (depth and size), so a connector saved with a 3,000-level body is refused before
 * any recursive work (stable JSON, hashing) can overflow the stack.
 */
import { assertDocumentBounds, isConnectorError } from '#core';
import { HostError, isHostCallName, toSerializedHostError, type HostApi, type HostCallOutcome } from '../../contract/hostApi.js';

export async function invokeHostCall(api: HostApi, name: string, params: unknown): Promise<HostCallOutcome> {
  try {
    if (!isHostCallName(name)) throw new HostError('UNKNOWN_CALL', `There is no host call named "${name}".`);
    const [namespace, method] = name.split('.') as [keyof HostApi, string];
    const fn = (api[namespace] as unknown as Record<string, (p: unknown) => Promise<unknown>>)[method];
    if (!fn) throw new HostError('UNKNOWN_CALL', `There is no host call named "${name}".`);
    try {
      assertDocumentBounds(params);
    } catch (error) {
      if (!isConnectorError(error)) throw error;
      throw new HostError('INVALID_PAYLOAD', `The ${name} request cannot be accepted: ${error.message}`, { hint: error.hint });
    }
    return { ok: true, value: await fn(params) };
  } catch (error) {
    return { ok: false, error: toSerializedHostError(error) };
  }
}
