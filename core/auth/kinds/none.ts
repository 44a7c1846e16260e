/** No auth: the request goes out as the step built it. */
import { z } from 'zod';
import { defineAuthKind } from './authKind.js';

export const none = defineAuthKind({
  type: 'none',
  label: 'None',
  shortLabel: 'No auth',
  schema: z.object({ type: z.literal('none') }),
  empty: () => ({ type: 'none' as const }),
  secretFields: [],
  templateFields: [],
  apply: async (_auth, request) => ({ url: request.url, headers: { ...request.headers }, credentialHeaders: [] }),
  refreshOnUnauthorized: null,
  carriers: () => [],
  signIn: null,
  interchange: { export: 'as-is' },
});
