/** RFC 7636 §4.1–4.2: a 43-character verifier from 32 random bytes and its S256 challenge; `state` the same way. */
import { createHash, randomBytes } from 'node:crypto';

export function createPkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function randomState(): string {
  return randomBytes(16).toString('base64url');
}
