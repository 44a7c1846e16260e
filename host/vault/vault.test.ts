import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { CIPHER_TAG } from './aesGcm.js';
import { createKeyFileProtector } from './keyFileProtector.js';
import { createSafeStorageProtector, type SafeStorageLike } from './safeStorageProtector.js';
import { Vault } from './vault.js';

const SECRET = 'sk_live_0123456789abcdefXY';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const keyFileVault = (keyFile = join(dir, 'vault.key')) => new Vault(dir, createKeyFileProtector(keyFile));

async function allBytesIn(folder: string): Promise<string> {
  const names = await readdir(folder);
  return (await Promise.all(names.map((n) => readFile(join(folder, n), 'utf8')))).join('\n');
}

describe('Vault with the key-file protector', () => {
  it('round-trips values, shows masks only, and never writes plaintext', async () => {
    const vault = keyFileVault();
    expect(await vault.set('crm_token', SECRET)).toMatchObject({ name: 'crm_token', mask: '••••••••XY' });
    await vault.set('short', 'abc');
    expect(await vault.list()).toEqual([
      { name: 'crm_token', mask: '••••••••XY', updatedAt: expect.any(Number) },
      { name: 'short', mask: '••••••••', updatedAt: expect.any(Number) },
    ]);
    // A fresh instance (app restart) reads the same values.
    const reopened = keyFileVault();
    expect(await reopened.get('crm_token')).toBe(SECRET);
    expect(await reopened.values()).toEqual({ crm_token: SECRET, short: 'abc' });
    const onDisk = await allBytesIn(dir);
    expect(onDisk).not.toContain(SECRET);
    expect(onDisk).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(JSON.parse(await readFile(join(dir, 'vault-keyFile.json'), 'utf8')).entries.crm_token.ciphertext.startsWith(CIPHER_TAG)).toBe(true);
    expect(await reopened.delete('crm_token')).toBe(true);
    expect(await reopened.get('crm_token')).toBeUndefined();
    expect(await reopened.delete('crm_token')).toBe(false);
  });

  it('creates the key file and the vault readable by the owner only', async () => {
    await keyFileVault().set('a', 'b');
    if (process.platform === 'win32') return;
    expect((await stat(join(dir, 'vault.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'vault-keyFile.json'))).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that other users can read, saying how to fix it', async () => {
    await keyFileVault().set('a', 'b');
    await chmod(join(dir, 'vault.key'), 0o644);
    await expect(keyFileVault().get('a')).rejects.toMatchObject({ code: 'VAULT_INSECURE', hint: expect.stringContaining('chmod 600') });
  });

  it('fails clearly with the wrong key', async () => {
    await keyFileVault().set('crm_token', SECRET);
    // A valid key file of another vault (another machine, a restored backup).
    const elsewhere = await makeTempDir();
    try {
      await new Vault(elsewhere.dir, createKeyFileProtector(join(dir, 'other.key'))).set('x', 'y');
      const other = new Vault(dir, createKeyFileProtector(join(dir, 'other.key')));
      await expect(other.get('crm_token')).rejects.toMatchObject({ code: 'VAULT_LOCKED', message: expect.stringContaining('another key') });
      await expect(other.set('crm_token', 'new')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
      expect(await keyFileVault().get('crm_token')).toBe(SECRET); // nothing lost
    } finally {
      await elsewhere.cleanup();
    }
  });

  it('detects a tampered ciphertext and an entry moved to another name', async () => {
    await keyFileVault().set('crm_token', SECRET);
    await keyFileVault().set('other', 'value');
    const file = join(dir, 'vault-keyFile.json');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    const original = stored.entries.crm_token.ciphertext as string;
    const body = Buffer.from(original.slice(CIPHER_TAG.length), 'base64');
    body[body.length - 1]! ^= 0x01;
    stored.entries.crm_token.ciphertext = CIPHER_TAG + body.toString('base64');
    await writeFile(file, JSON.stringify(stored));
    await expect(keyFileVault().get('crm_token')).rejects.toMatchObject({ code: 'VAULT_LOCKED', message: expect.stringContaining('tampered') });

    stored.entries.crm_token.ciphertext = original;
    stored.entries.other.ciphertext = original; // swap: right key, wrong name
    await writeFile(file, JSON.stringify(stored));
    expect(await keyFileVault().get('crm_token')).toBe(SECRET);
    await expect(keyFileVault().get('other')).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});

/** An in-memory keychain with Electron's safeStorage shape, to test the protector's decisions. */
function fakeSafeStorage(backend: string, available = true): SafeStorageLike {
  const mask = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => mask(Buffer.from(s, 'utf8')),
    decryptString: (b) => mask(b).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('Vault with the safeStorage protector', () => {
  it('works with a real keyring backend', async () => {
    const vault = new Vault(dir, createSafeStorageProtector(fakeSafeStorage('gnome_libsecret'), { platform: 'linux', allowInsecure: () => false }));
    await vault.set('crm_token', SECRET);
    expect(await vault.get('crm_token')).toBe(SECRET);
    expect(vault.status()).toEqual({ protector: 'safeStorage', secure: true });
  });

  it('refuses basic_text on Linux with a clear message unless the user opted in', async () => {
    let allow = false;
    const vault = new Vault(dir, createSafeStorageProtector(fakeSafeStorage('basic_text'), { platform: 'linux', allowInsecure: () => allow }));
    expect(vault.status()).toMatchObject({ secure: false, message: expect.stringContaining('No system keyring') });
    await expect(vault.set('crm_token', SECRET)).rejects.toMatchObject({ code: 'VAULT_INSECURE', hint: expect.stringContaining('Allow insecure key storage') });
    await expect(readFile(join(dir, 'vault-safeStorage.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    allow = true;
    await vault.set('crm_token', SECRET);
    expect(await vault.get('crm_token')).toBe(SECRET);
  });

  it('does not apply the Linux rule elsewhere, and refuses when no encryption is available', async () => {
    const mac = new Vault(dir, createSafeStorageProtector(fakeSafeStorage('basic_text'), { platform: 'darwin', allowInsecure: () => false }));
    await mac.set('a', 'b');
    const none = new Vault(join(dir), createSafeStorageProtector(fakeSafeStorage('unknown', false), { platform: 'win32', allowInsecure: () => true }));
    await expect(none.get('a')).rejects.toMatchObject({ code: 'VAULT_INSECURE' });
  });
});
