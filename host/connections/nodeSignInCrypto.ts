/** Node's crypto for sign-ins: PKCE verifiers, `state` and the S256 challenge (RFC 7636 §4.1–4.2). */
import { createHash, randomBytes } from 'node:crypto';
import type { SignInCrypto } from '#core';

export const nodeSignInCrypto: SignInCrypto = {
  randomBase64Url: (bytes) => randomBytes(bytes).toString('base64url'),
  sha256Base64Url: async (text) => createHash('sha256').update(text).digest('base64url'),
};
