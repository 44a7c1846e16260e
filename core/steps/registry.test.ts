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

  it('lays out an HTTP step\'s request parts in the editor\'s words, with what each is', () => {
    const step = StepSchema.parse({
      id: 'step_1', url: 'https://x/{{id}}', query: [{ key: 'api_key', value: '{{k}}' }],
      headers: [{ key: 'Authorization', value: 'Bearer t' }, { key: '', value: 'v', enabled: false }],
      body: { type: 'form', fields: [{ key: 'secret', value: 's' }] },
    });
    expect(STEP_KINDS.kindOf(step).requestParts(step).map((p) => [p.path, p.label, p.role, p.name, p.value, p.sent])).toEqual([
      ['url', 'URL', 'address', undefined, 'https://x/{{id}}', true],
      ['query[0].value', 'query parameter api_key', 'parameter', 'api_key', '{{k}}', true],
      ['headers[0].value', 'header Authorization', 'header', 'Authorization', 'Bearer t', true],
      ['headers[1].value', 'header (unnamed)', 'header', '', 'v', false],
      ['body.fields[0].value', 'body', 'content', 'secret', 's', true],
    ]);
  });

  it('names the step when its kind is unknown, and refuses a kind registered twice', () => {
    let thrown: unknown;
    try { STEP_KINDS.kindOf({ id: 'lookup', kind: 'graphql' }); } catch (error) { thrown = error; }
    expect(isConnectorError(thrown) && thrown.message).toBe('Step "lookup" is a "graphql" step, which this version of Connector Studio does not know.');
    const http = STEP_KINDS.kindOf({ id: 'x' });
    expect(() => createStepKindRegistry([http, http])).toThrow('Step kind "http" is registered twice.');
  });

  it('refuses, at compile time, a kind without every part, with a schema not built on the common step fields, or with a transport use that is not one', () => {
    const schema = stepSchema('test_only', { seconds: z.number() });
    const parts = {
      kind: 'test_only' as const, label: 'Test', schema, empty: (id: string) => ({ id, kind: 'test_only' as const, seconds: 1 }),
      templateFields: () => [], requestParts: () => [], auth: () => undefined, fieldHints: {}, rules: () => [],
      execute: async () => { throw new Error('unused'); }, transport: { sends: 'none' as const }, interchange: { export: 'as-is' as const },
    };
    defineStepKind(parts);
    const { templateFields: _t, transport: _u, ...withoutSome } = parts;
    // @ts-expect-error -- templateFields and transport are missing
    defineStepKind(withoutSome);
    const { requestParts: _p, ...withoutRequestParts } = parts;
    // @ts-expect-error -- requestParts is missing: the publish and secret checks could not see into the step
    defineStepKind(withoutRequestParts);
    // @ts-expect-error -- a request part whose role does not exist
    defineStepKind({ ...parts, requestParts: () => [{ path: 'seconds', label: 'seconds', value: 1, role: 'cookie', sent: true }] });
    // @ts-expect-error -- not built with stepSchema(): no id, outputs, …
    defineStepKind({ ...parts, schema: z.object({ kind: z.literal('test_only') }), empty: () => ({ kind: 'test_only' as const }) });
    // @ts-expect-error -- a transport use that does not exist
    defineStepKind({ ...parts, transport: { sends: 'sometimes' } });
    // @ts-expect-error -- a kind that sends requests says where its mock response is
    defineStepKind({ ...parts, transport: { sends: 'requests' } });
    expect(true).toBe(true);
  });
});
