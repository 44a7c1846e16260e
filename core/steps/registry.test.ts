import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { STEP_KIND_NAMES, STEP_KINDS, StepSchema, createStepKindRegistry } from './registry.js';
import { defineStepKind } from './stepKind.js';
import { stepSchema } from './stepBase.js';
import { isConnectorError } from '../errors/ConnectorError.js';

describe('step-kind registry', () => {
  it('derives the document schema and the lookup from the same list', () => {
    expect(STEP_KIND_NAMES).toEqual([...STEP_KINDS.kinds.keys()]);
    for (const name of STEP_KIND_NAMES) {
      const kind = STEP_KINDS.kindOf({ id: 'x', kind: name });
      expect(kind.kind).toBe(name);
      // a new step of every kind is a valid step of that kind
      expect(kind.schema.parse(kind.empty('step_1')).kind).toBe(name);
    }
    // a step written before steps had kinds is an HTTP step
    expect(StepSchema.parse({ id: 'step_1', url: 'https://api.example.com' }).kind).toBe('http');
  });

  it('lists an HTTP step\'s templates with their paths', () => {
    const step = StepSchema.parse({ id: 'step_1', url: 'https://x/{{id}}', headers: [{ key: 'X', value: '{{h}}' }], body: { type: 'raw', text: '{{b}}' } });
    expect(STEP_KINDS.kindOf(step).templateFields(step)).toEqual([
      { path: 'url', value: 'https://x/{{id}}' },
      { path: 'headers[0].key', value: 'X' },
      { path: 'headers[0].value', value: '{{h}}' },
      { path: 'body.text', value: '{{b}}' },
    ]);
  });

  it('names the step when its kind is unknown, and refuses a kind registered twice', () => {
    let thrown: unknown;
    try { STEP_KINDS.kindOf({ id: 'lookup', kind: 'graphql' }); } catch (error) { thrown = error; }
    expect(isConnectorError(thrown) && thrown.message).toBe('Step "lookup" is a "graphql" step, which this version of Connector Studio does not know.');
    const http = STEP_KINDS.kindOf({ id: 'x' });
    expect(() => createStepKindRegistry([http, http])).toThrow('Step kind "http" is registered twice.');
  });

  it('refuses, at compile time, a kind without every part or with a schema not built on the common step fields', () => {
    const schema = stepSchema('test_only', { seconds: z.number() });
    // @ts-expect-error -- templateFields, transport and interchange are missing
    defineStepKind({ kind: 'test_only', label: 'Test', schema, empty: (id) => ({ id, seconds: 1 }), execute: async () => { throw new Error('unused'); } });
    defineStepKind({
      kind: 'test_only', label: 'Test',
      // @ts-expect-error -- not built with stepSchema(): no id, outputs, …
      schema: z.object({ kind: z.literal('test_only') }),
      empty: () => ({ kind: 'test_only' as const }) as never, templateFields: () => [], execute: async () => { throw new Error('unused'); }, transport: 'none', interchange: { export: 'as-is' },
    });
    defineStepKind({
      kind: 'test_only', label: 'Test', schema, empty: (id) => ({ id, seconds: 1 }),
      // @ts-expect-error -- a transport use that does not exist
      transport: 'sometimes',
      templateFields: () => [], execute: async () => { throw new Error('unused'); }, interchange: { export: 'as-is' },
    });
    expect(true).toBe(true);
  });
});
