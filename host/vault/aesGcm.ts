/**
 * AES-256-GCM with an algorithm tag in front of every ciphertext (`v1:aes-256-gcm:`), so a
 * future algorithm can be introduced without guessing what old values are. The additional
 * authenticated data binds a ciphertext to its purpose (e.g. the credential's name), so
 * values cannot be swapped between entries unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { HostError } from '../../contract/hostError.js';

export const CIPHER_TAG = 'v1:aes-256-gcm:';
const IV_BYTES = 12;
const AUTH_TAG_BYTES = 16;

export function encrypt(key: Buffer, plaintext: Buffer | string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return `${CIPHER_TAG}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

export function decrypt(key: Buffer, ciphertext: string, aad: string): Buffer {
  if (!ciphertext.startsWith(CIPHER_TAG)) {
    throw new HostError('VAULT_LOCKED', `Unknown vault format for "${aad}".`, { hint: 'The vault was written by a newer version of the app, or edited by hand.' });
  }
  const raw = Buffer.from(ciphertext.slice(CIPHER_TAG.length), 'base64');
  if (raw.length < IV_BYTES + AUTH_TAG_BYTES) throw tampered(aad);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + AUTH_TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + AUTH_TAG_BYTES)), decipher.final()]);
  } catch (cause) {
    throw tampered(aad, cause);
  }
}

function tampered(aad: string, cause?: unknown): HostError {
  return new HostError('VAULT_LOCKED', `"${aad}" could not be decrypted: the vault was tampered with or belongs to another key.`, {
    hint: 'Set the credential again to replace it.',
    cause,
  });
}
