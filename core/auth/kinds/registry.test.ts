import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUTH_KINDS, AUTH_TYPES, AuthSchema } from './registry.js';
import { defineAuthKind } from './authKind.js';

describe('auth-kind registry', () => {
  it('derives the document schema and the lookup from the same list', () => {
    expect(AUTH_TYPES).toEqual(Object.keys(AUTH_KINDS));
    for (const type of AUTH_TYPES) {
      const kind = AUTH_KINDS[type];
      expect(kind.type).toBe(type);
      // every kind's empty block is a valid block of that kind
      expect(AuthSchema.parse(kind.empty())).toEqual(kind.empty());
      const shape = Object.keys(kind.schema.shape);
      for (const field of [...kind.secretFields, ...kind.templateFields]) expect(shape).toContain(field);
    }
  });

  it('refuses, at compile time, a kind without every part or naming fields it does not have', () => {
    const schema = z.object({ type: z.literal('test_only'), token: z.string() });
    // @ts-expect-error -- carriers, interchange and refreshOnUnauthorized are missing
    defineAuthKind({ type: 'test_only', label: 'Test', schema, empty: () => ({ type: 'test_only' as const, token: '' }), secretFields: ['token'], templateFields: ['token'], apply: async (_a, r) => ({ ...r, credentialHeaders: [] }) });
    defineAuthKind({
      type: 'test_only', label: 'Test', shortLabel: 'Test', schema, empty: () => ({ type: 'test_only' as const, token: '' }),
      // @ts-expect-error -- not a field of this kind
      secretFields: ['password'],
      templateFields: ['token'], apply: async (_a, r) => ({ ...r, credentialHeaders: [] }), refreshOnUnauthorized: null, carriers: () => [], signIn: null, interchange: { export: 'as-is' },
    });
    expect(true).toBe(true);
  });
});
