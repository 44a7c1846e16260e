/**
 * The credential store, loaded on first use. A live run reads the store only for a credential
 * no flag or environment variable gives, and the store brings the vault and node:crypto
 * (~5 ms of start-up CPU, bench/README.md): a run with every credential on the command line
 * never loads them.
 */
import type { CredentialStore } from './credentials.js';

export function lazyCredentialStore(env: NodeJS.ProcessEnv): CredentialStore {
  let store: Promise<CredentialStore> | undefined;
  const open = () => (store ??= import('./credentialStore.js').then(({ openCredentialStore }) => openCredentialStore(env)));
  return {
    get: async (name) => (await open()).get(name),
    set: async (name, value) => (await open()).set(name, value),
  };
}
