/**
 * Outside Electron: the data key is wrapped with a key-encryption key kept in a file that only
 * its owner may read (0600). A key file readable by others is refused, not silently used.
 */
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { VaultStatus } from '../../contract/hostApi.js';
import { HostError } from '../../contract/hostError.js';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import { decrypt, encrypt } from './aesGcm.js';
import type { KeyProtector } from './keyProtector.js';

const AAD = 'vault-data-key';

export function createKeyFileProtector(keyFile: string): KeyProtector {
  let cached: Buffer | undefined;

  async function loadOrCreateKek(create: boolean): Promise<Buffer> {
    if (cached) return cached;
    let info;
    try {
      info = await stat(keyFile);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      if (!create) throw new HostError('VAULT_LOCKED', `The vault key file ${keyFile} is missing.`, { hint: 'Restore it from a backup, or delete vault-keyFile.json and set your credentials again.' });
      const kek = randomBytes(32);
      await atomicWriteFile(keyFile, kek.toString('base64'), { mode: 0o600 });
      cached = kek;
      return kek;
    }
    if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
      throw new HostError('VAULT_INSECURE', `The vault key file ${keyFile} is readable by other users (mode ${(info.mode & 0o777).toString(8)}).`, {
        hint: `Run: chmod 600 "${keyFile}"`,
      });
    }
    const kek = Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64');
    if (kek.length !== 32) throw new HostError('VAULT_LOCKED', `The vault key file ${keyFile} is damaged.`, { hint: 'Restore it from a backup, or delete vault-keyFile.json and set your credentials again.' });
    cached = kek;
    return kek;
  }

  return {
    status(): VaultStatus {
      return { protector: 'keyFile', secure: true, message: `Key stored in ${keyFile}, readable only by you.` };
    },
    async protect(dataKey) {
      return encrypt(await loadOrCreateKek(true), dataKey, AAD);
    },
    async unprotect(wrapped) {
      return decrypt(await loadOrCreateKek(false), wrapped, AAD);
    },
  };
}
