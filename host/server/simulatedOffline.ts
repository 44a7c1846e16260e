/**
 * Test-only: a network interfaces reader that, while `switchFile` exists, reports this machine's
 * loopback interfaces only, as a computer with no network would. A UI test takes an app "offline"
 * and back by creating and removing that file (tests/e2e/sync/offlineSwitch.ts).
 *
 * Only browser mode's entry point (host/server/main.ts, `--simulate-offline-file`) turns it on;
 * the Electron app never imports it (an ESLint rule says so), and packaged apps do not ship browser
 * mode. It changes how a request that got no answer is described ("Offline" rather than "the
 * project can't be reached"), never whether requests are made.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import type { NetworkInterfacesReader } from '../account/connectionProblem.js';

export function simulatedOfflineInterfaces(switchFile: string, read: NetworkInterfacesReader = networkInterfaces): NetworkInterfacesReader {
  return () => {
    const real = read();
    if (!existsSync(switchFile)) return real;
    const loopback: ReturnType<NetworkInterfacesReader> = {};
    for (const [name, addresses] of Object.entries(real)) {
      const internal = addresses?.filter((address) => address.internal) ?? [];
      if (internal.length > 0) loopback[name] = internal;
    }
    return loopback;
  };
}
