import { getHostApi, type HostClient } from '../platform/hostApi.js';

/** The host client (a hook so components never import a transport directly). */
export function useHost(): HostClient {
  return getHostApi();
}
