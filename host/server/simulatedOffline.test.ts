import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasNetwork, type NetworkInterfacesReader } from '../account/connectionProblem.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { simulatedOfflineInterfaces } from './simulatedOffline.js';

const machine: NetworkInterfacesReader = () => ({
  lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
  eth0: [{ address: '10.0.0.5', netmask: '255.255.255.0', family: 'IPv4', mac: '02:42:0a:00:00:05', internal: false, cidr: '10.0.0.5/24' }],
});

let folder: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  folder = await makeTempDir('cs-offline-switch-');
});
afterEach(async () => {
  await folder.cleanup();
});

describe('the simulated offline switch (browser mode, tests only)', () => {
  it('reports the real interfaces until the switch file exists, then loopback only, and again once it is removed', async () => {
    const file = join(folder.dir, 'offline');
    const read = simulatedOfflineInterfaces(file, machine);
    expect(read()).toEqual(machine());
    expect(hasNetwork(read)).toBe(true);

    await writeFile(file, '');
    expect(Object.keys(read())).toEqual(['lo']);
    expect(hasNetwork(read)).toBe(false);

    await rm(file);
    expect(hasNetwork(read)).toBe(true);
  });
});
