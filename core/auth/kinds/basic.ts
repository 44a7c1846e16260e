/** HTTP Basic: base64 of `user:pass`, a derived secret the redactor learns before anything is recorded. */
import { z } from 'zod';
import { base64Encode } from '../../redaction/base64.js';
import { defineAuthKind } from './authKind.js';

export const basic = defineAuthKind({
  type: 'basic',
  label: 'Basic',
  shortLabel: 'Basic',
  schema: z.object({ type: z.literal('basic'), username: z.string(), password: z.string() }),
  empty: () => ({ type: 'basic' as const, username: '', password: '' }),
  secretFields: ['password'],
  templateFields: ['username', 'password'],
  async apply(auth, request, context) {
    const token = base64Encode(`${context.resolve(auth.username)}:${context.resolve(auth.password)}`);
    context.onSecret('basic_auth', token);
    return { url: request.url, headers: { ...request.headers, authorization: `Basic ${token}` }, credentialHeaders: ['authorization'] };
  },
  refreshOnUnauthorized: null,
  carriers: () => [{ fields: ['username', 'password'], carrier: 'header Authorization (basic)', urlField: null }],
  signIn: null,
  interchange: { export: 'as-is' },
});
