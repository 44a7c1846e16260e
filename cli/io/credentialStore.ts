/**
 * The CLI's credential store: the host's encrypted vault (AES-256-GCM, key in a file readable only
 * by you) in `$CONNECTOR_STUDIO_HOME` or `<user config dir>/Connector Studio/cli`. `auth login`
 * keeps OAuth connections there; live `run`s read a credential from it when no flag or environment
 * variable gives one, and write refreshed tokens back. Nothing is created until something is stored.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultUserDataDir } from '../../host/fs/defaultUserDataDir.js';
import { createKeyFileProtector } from '../../host/vault/keyFileProtector.js';
import { Vault } from '../../host/vault/vault.js';
import type { CredentialStore } from './credentials.js';

export function credentialStoreDir(env: NodeJS.ProcessEnv): string {
  return env.CONNECTOR_STUDIO_HOME || join(defaultUserDataDir(env), 'cli');
}

export function openCredentialStore(env: NodeJS.ProcessEnv): CredentialStore & { dir: string; values(): Promise<Record<string, string>> } {
  const dir = credentialStoreDir(env);
  const vault = new Vault(dir, createKeyFileProtector(join(dir, 'vault.key')));
  return {
    dir,
    get: (name) => vault.get(name),
    values: () => vault.values(),
    async set(name, value) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await vault.set(name, value);
    },
  };
}
