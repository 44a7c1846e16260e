/**
 * Why Supabase did not answer, in words: "Offline" when this computer has no network at all,
 * otherwise the project itself cannot be reached (a wrong URL, the project paused or down).
 * Never the fetch library's own words ("TypeError: fetch failed").
 */
import { networkInterfaces } from 'node:os';

export type ConnectionProblem = {
  kind: 'offline' | 'unreachable';
  /** For the sync status: what happened and that nothing is lost. */
  message: string;
  /** What happened, alone (one clause, no full stop), for other screens' own sentences. */
  summary: string;
};

/** The machine's network interfaces (os.networkInterfaces' shape): the port tests swap (see simulatedOffline.ts). */
export type NetworkInterfacesReader = () => ReturnType<typeof networkInterfaces>;

/** Any network interface besides loopback that is up (has an address). */
export function hasNetwork(read: NetworkInterfacesReader = networkInterfaces): boolean {
  return Object.values(read()).some((addresses) => addresses?.some((address) => !address.internal));
}

export function connectionProblem(supabaseUrl: string, networkUp: () => boolean = hasNetwork): ConnectionProblem {
  if (!networkUp()) {
    const summary = 'Offline: this computer has no network connection';
    return { kind: 'offline', summary, message: `${summary}. Changes are kept and will sync when it is back.` };
  }
  let host = supabaseUrl;
  try {
    host = new URL(supabaseUrl).host;
  } catch {
    // not a URL: name it as typed
  }
  const summary = `The Supabase project at ${host} can't be reached`;
  return {
    kind: 'unreachable',
    summary,
    message: `${summary}. Changes are kept and will sync when it answers again; if this lasts, check the project URL under Sync › Supabase project.`,
  };
}
