/** An API key in a header or a query parameter of the kind's choosing. */
import { z } from 'zod';
import { defineAuthKind } from './authKind.js';

export const apiKey = defineAuthKind({
  type: 'api_key',
  label: 'API key',
  shortLabel: 'API key',
  schema: z.object({
    type: z.literal('api_key'),
    in: z.enum(['header', 'query']),
    name: z.string().min(1, 'the API key needs a header or query parameter name'),
    value: z.string(),
  }),
  empty: () => ({ type: 'api_key' as const, in: 'header' as const, name: 'X-API-Key', value: '' }),
  secretFields: ['value'],
  templateFields: ['name', 'value'],
  async apply(auth, request, context) {
    const key = context.resolve(auth.value);
    context.onSecret('api_key', key);
    if (auth.in === 'header') {
      return { url: request.url, headers: { ...request.headers, [auth.name.toLowerCase()]: key }, credentialHeaders: [auth.name.toLowerCase()] };
    }
    const url = new URL(request.url);
    url.searchParams.set(auth.name, key);
    return { url: url.toString(), headers: { ...request.headers }, credentialHeaders: [] };
  },
  refreshOnUnauthorized: null,
  carriers: (auth) => [{ fields: ['value'], carrier: `${auth.in} ${auth.name}`, urlField: null }],
  signIn: null,
  interchange: { export: 'as-is' },
});
