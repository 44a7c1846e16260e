/**
 * Builds the nested, named-method host API (`api.connectors.save(…)`) from one function
 * that performs a call by name. Zod-free so the sandboxed preload can use it; the
 * transport underneath (IPC, HTTP, in-process) is the caller's business.
 */
import { HOST_CALL_NAMES, type HostCallName } from './hostCallNames.js';
import type { HostApi } from './hostApi.js';

export type HostInvoker = (name: HostCallName, params: unknown) => Promise<unknown>;

export function buildHostApi(invoke: HostInvoker): HostApi {
  const api: Record<string, Record<string, (params?: unknown) => Promise<unknown>>> = {};
  for (const name of HOST_CALL_NAMES) {
    const [namespace, method] = name.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = (params?: unknown) => invoke(name, params);
  }
  return api as unknown as HostApi;
}
