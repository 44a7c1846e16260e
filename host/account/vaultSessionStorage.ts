/**
 * supabase-js's auth storage, backed by a host Vault: the session (access and refresh
 * tokens) is encrypted at rest with AES-256-GCM under the same key protection as the
 * credentials, but in its own file so it never shows up among (or gets redacted as) the
 * workspace credentials.
 */
import type { SupportedStorage } from '@supabase/supabase-js';
import type { Vault } from '../vault/vault.js';

export function vaultSessionStorage(vault: Vault): SupportedStorage {
  return {
    getItem: async (key) => (await vault.get(key)) ?? null,
    setItem: async (key, value) => {
      await vault.set(key, value);
    },
    removeItem: async (key) => {
      await vault.delete(key);
    },
  };
}
