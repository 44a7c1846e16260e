/**
 * The port that protects the vault's data key at rest. Electron's safeStorage (the OS
 * keychain) in the desktop app; an owner-only key file in browser mode and the CLI.
 */
import type { VaultStatus } from '../../contract/hostApi.js';

export interface KeyProtector {
  /** What protects the key and whether that is secure, for the settings screen. */
  status(): VaultStatus;
  /** Wraps a fresh data key for storage. Throws VAULT_INSECURE when it must not be stored this way. */
  protect(dataKey: Buffer): Promise<string>;
  /** Unwraps what `protect` returned. Throws VAULT_LOCKED when it cannot (other key, tampered). */
  unprotect(wrapped: string): Promise<Buffer>;
}
