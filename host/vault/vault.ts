/**
 * Credential values, encrypted with AES-256-GCM under one data key; the data key is
 * wrapped by a KeyProtector. Lives in the user-data folder, never in a workspace.
 * The renderer only ever sees names and masks; `get`/`values` are for the host's runs.
 * File: `vault-<protector>.json` in the user-data folder.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CredentialSummary } from '../../contract/hostApi.js';
import { HostError } from '../../contract/hostError.js';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';
import { decrypt, encrypt } from './aesGcm.js';
import { credentialMask } from './credentialMask.js';
import type { KeyProtector } from './keyProtector.js';

interface VaultFile {
  version: 1;
  wrappedKey: string;
  entries: Record<string, { ciphertext: string; updatedAt: number }>;
}

export class Vault {
  readonly file: string;
  private readonly protector: KeyProtector;
  /** The unwrapped data key, remembered with the wrapped form it came from. */
  private dataKey: { wrapped: string; key: Buffer } | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userDataDir: string, protector: KeyProtector) {
    // One file per protector: Electron (safeStorage) and browser mode (key file) may share a
    // user-data folder, and neither can unwrap the other's key.
    this.file = join(userDataDir, `vault-${protector.status().protector}.json`);
    this.protector = protector;
  }

  status() {
    return this.protector.status();
  }

  async list(): Promise<CredentialSummary[]> {
    const vault = await this.read();
    if (!vault) return [];
    const key = await this.key(vault);
    return Object.entries(vault.entries)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, entry]) => ({ name, mask: credentialMask(decrypt(key, entry.ciphertext, name).toString('utf8')), updatedAt: entry.updatedAt }));
  }

  async set(name: string, value: string, now = Date.now()): Promise<CredentialSummary> {
    return this.exclusive(async () => {
      const vault = (await this.read()) ?? { version: 1 as const, wrappedKey: await this.newWrappedKey(), entries: {} };
      const key = await this.key(vault);
      vault.entries[name] = { ciphertext: encrypt(key, value, name), updatedAt: now };
      await writeJsonFile(this.file, vault, { mode: 0o600 });
      return { name, mask: credentialMask(value), updatedAt: now };
    });
  }

  async delete(name: string): Promise<boolean> {
    return this.exclusive(async () => {
      const vault = await this.read();
      if (!vault || !(name in vault.entries)) return false;
      delete vault.entries[name];
      await writeJsonFile(this.file, vault, { mode: 0o600 });
      return true;
    });
  }

  async get(name: string): Promise<string | undefined> {
    const vault = await this.read();
    const entry = vault?.entries[name];
    if (!vault || !entry) return undefined;
    return decrypt(await this.key(vault), entry.ciphertext, name).toString('utf8');
  }

  /** Every stored value by name: what the redactor must remove from run records. */
  async values(): Promise<Record<string, string>> {
    const vault = await this.read();
    if (!vault) return {};
    const key = await this.key(vault);
    return Object.fromEntries(Object.entries(vault.entries).map(([name, entry]) => [name, decrypt(key, entry.ciphertext, name).toString('utf8')]));
  }

  private async read(): Promise<VaultFile | undefined> {
    const vault = await readJsonFile<VaultFile | undefined>(this.file, undefined);
    if (vault === undefined) return undefined;
    if (vault.version !== 1 || typeof vault.wrappedKey !== 'string' || typeof vault.entries !== 'object' || vault.entries === null) {
      throw new HostError('VAULT_LOCKED', `${this.file} is not a vault this version understands.`, { hint: 'Restore it from a backup, or delete it and set your credentials again.' });
    }
    return vault;
  }

  private async newWrappedKey(): Promise<string> {
    const dataKey = randomBytes(32);
    const wrapped = await this.protector.protect(dataKey);
    this.dataKey = { wrapped, key: dataKey };
    return wrapped;
  }

  private async key(vault: VaultFile): Promise<Buffer> {
    if (this.dataKey?.wrapped !== vault.wrappedKey) this.dataKey = { wrapped: vault.wrappedKey, key: await this.protector.unprotect(vault.wrappedKey) };
    return this.dataKey.key;
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
