/**
 * In Electron: the data key is wrapped by `safeStorage` (macOS Keychain, Windows DPAPI,
 * libsecret/kwallet on Linux). On Linux without a keyring Electron falls back to
 * `basic_text`, a hard-coded password: equivalent to plaintext. We refuse that with a
 * clear message unless the user explicitly opted in (settings.allowInsecureKeyStorage).
 */
import type { VaultStatus } from '../../contract/hostApi.js';
import { HostError } from '../../contract/hostError.js';
import type { KeyProtector } from './keyProtector.js';

/** The part of Electron's `safeStorage` we use (so this file needs no Electron to test). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export const SAFE_STORAGE_TAG = 'v1:safeStorage:';

export function createSafeStorageProtector(safeStorage: SafeStorageLike, options: { platform: NodeJS.Platform; allowInsecure: () => boolean }): KeyProtector {
  const backend = () => (options.platform === 'linux' ? safeStorage.getSelectedStorageBackend?.() ?? 'unknown' : 'os');
  const insecure = () => options.platform === 'linux' && backend() === 'basic_text';

  function status(): VaultStatus {
    if (!safeStorage.isEncryptionAvailable()) {
      return { protector: 'safeStorage', secure: false, message: 'The system keychain is not available, so credentials cannot be stored.' };
    }
    if (insecure()) {
      return {
        protector: 'safeStorage',
        secure: false,
        message: options.allowInsecure()
          ? 'No system keyring was found; credentials are stored with a built-in key (you allowed this in settings).'
          : 'No system keyring (GNOME Keyring or KWallet) was found, so credentials would be stored with a built-in key. Install and unlock a keyring, or allow insecure key storage in settings.',
      };
    }
    return { protector: 'safeStorage', secure: true };
  }

  function assertUsable(): void {
    const s = status();
    if (!safeStorage.isEncryptionAvailable()) throw new HostError('VAULT_INSECURE', s.message ?? 'The system keychain is not available.', { hint: 'Unlock or install your system keychain, then restart the app.' });
    if (insecure() && !options.allowInsecure()) {
      throw new HostError('VAULT_INSECURE', s.message ?? 'Only insecure key storage is available.', { hint: 'Settings → "Allow insecure key storage" to continue anyway.' });
    }
  }

  return {
    status,
    async protect(dataKey) {
      assertUsable();
      return `${SAFE_STORAGE_TAG}${safeStorage.encryptString(dataKey.toString('base64')).toString('base64')}`;
    },
    async unprotect(wrapped) {
      assertUsable();
      if (!wrapped.startsWith(SAFE_STORAGE_TAG)) throw new HostError('VAULT_LOCKED', 'The vault key was not written by the system keychain.', { hint: 'Delete vault.json in the app data folder and set your credentials again.' });
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(wrapped.slice(SAFE_STORAGE_TAG.length), 'base64')), 'base64');
      } catch (cause) {
        throw new HostError('VAULT_LOCKED', 'The system keychain could not unlock the vault key.', { hint: 'Unlock your keychain, or delete vault-safeStorage.json and set your credentials again.', cause });
      }
    },
  };
}
