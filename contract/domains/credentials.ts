/** The vault's credentials (`credentials.*`): listed by name and mask, never by value. */
import { z } from 'zod';
import { IDENTIFIER } from '#core';
import { call, noParams, type DomainCallSpecs } from './call.js';

export const CredentialSummarySchema = z.object({
  name: z.string(),
  /** Never the value: bullets, plus at most the last 2 characters of long values. */
  mask: z.string(),
  updatedAt: z.number(),
});
export type CredentialSummary = z.infer<typeof CredentialSummarySchema>;

export const credentialsCalls = {
  'credentials.list': call(noParams, z.array(CredentialSummarySchema)),
  'credentials.set': call(
    z.object({ name: z.string().regex(IDENTIFIER, 'a credential name uses letters, digits and _ and starts with a letter or _').max(100), value: z.string().min(1, 'the value is empty').max(65_536) }).strict(),
    CredentialSummarySchema,
  ),
  'credentials.delete': call(z.object({ name: z.string().min(1).max(100) }).strict(), z.object({ deleted: z.boolean() })),
} satisfies DomainCallSpecs<'credentials'>;
