/**
 * Why Supabase did not answer, in words: "Offline" when this computer has no network at all,
 * otherwise the project itself cannot be reached (a wrong URL, the project paused or down).
 * Never the fetch library's own words ("TypeError: fetch failed").
 */
import { networkInterfaces } from 'node:os';

export type ConnectionProblem = { kind: 'offline' | 'unreachable'; message: string };

/** Any network interface besides loopback that is up (has an address). */
export function hasNetwork(): boolean {
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((address) => !address.internal));
}

export function connectionProblem(supabaseUrl: string, networkUp: () => boolean = hasNetwork): ConnectionProblem {
  if (!networkUp()) {
    return { kind: 'offline', message: 'Offline: this computer has no network connection. Changes are kept and will sync when it is back.' };
  }
  let host = supabaseUrl;
  try {
    host = new URL(supabaseUrl).host;
  } catch {
    // not a URL: name it as typed
  }
  return {
    kind: 'unreachable',
    message: `The Supabase project at ${host} can't be reached. Changes are kept and will sync when it answers again; if this lasts, check the project URL in the sync settings.`,
  };
}
