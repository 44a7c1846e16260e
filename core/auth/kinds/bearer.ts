/** `Authorization: Bearer <token>` with a token from a credential. */
import { z } from 'zod';
import { defineAuthKind } from './authKind.js';

export const bearer = defineAuthKind({
  type: 'bearer',
  label: 'Bearer token',
  shortLabel: 'Bearer',
  schema: z.object({ type: z.literal('bearer'), token: z.string() }),
  empty: () => ({ type: 'bearer' as const, token: '' }),
  secretFields: ['token'],
  templateFields: ['token'],
  async apply(auth, request, context) {
    const token = context.resolve(auth.token);
    context.onSecret('bearer_token', token);
    return { url: request.url, headers: { ...request.headers, authorization: `Bearer ${token}` }, credentialHeaders: ['authorization'] };
  },
  refreshOnUnauthorized: null,
  carriers: () => [{ fields: ['token'], carrier: 'header Authorization', urlField: null }],
  signIn: null,
  interchange: { export: 'as-is' },
});
