/**
 * Issue 10 §1: round trips with fast-check.
 * - Generated interchange documents (series-parallel groups, every auth kind, conditions, custom
 *   and system mappings, every input type) → import → export → equal under normaliseInterchange
 *   (the rules are listed in core/test-helpers/normaliseInterchange.ts and core/interchange/README.md).
 * - Generated app documents whose graph is layered → export → import → equal under normaliseApp below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConnectorSchema, INPUT_TYPES, SYSTEM_CONTACT_FIELDS, type Connector } from '../schema/connector.js';
import { normaliseInterchange } from '../test-helpers/index.js';
import { exportInterchange, importInterchange } from './index.js';

const RUNS = 300;
const nameArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((n) => !['credentials', 'workspace', 'constructor', 'prototype'].includes(n));
const textArb = fc.string({ maxLength: 12 }).filter((s) => !s.includes('{'));
const targetArb = fc.oneof(fc.constantFrom(...SYSTEM_CONTACT_FIELDS), fc.constantFrom('lead_score', 'annual_revenue', 'crm_stage', 'company'));
const authArb = fc.oneof(
  fc.constant({ type: 'none' }),
  fc.constant({ type: 'bearer', token: '{{workspace.crm_token}}' }),
  fc.record({ type: fc.constant('api_key'), in: fc.constantFrom('header', 'query'), name: fc.constantFrom('X-Api-Key', 'api_key'), value: fc.constant('{{workspace.api_key}}') }),
  fc.constant({ type: 'basic', username: '{{workspace.user}}', password: '{{ workspace.password }}' }),
);
const rowsArb = fc.option(fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'X-Trace'), value: textArb, enabled: fc.option(fc.boolean(), { nil: undefined }) }, { requiredKeys: ['key', 'value'] }), { maxLength: 3 }), { nil: undefined });
const bodyArb = fc.option(fc.oneof(
  fc.dictionary(nameArb, fc.oneof(textArb, fc.integer(), fc.boolean(), fc.constant(null), fc.constant('{{step_0.o}}')), { maxKeys: 3 }),
  textArb,
  fc.integer(),
  fc.constant(null),
), { nil: undefined });
const outputsArb = fc.dictionary(nameArb, fc.constantFrom('$.id', '$.results[0].name', '$..email'), { minKeys: 1, maxKeys: 3 });

/** The request fields of a step or of a single-step config. */
const requestArb = fc.record({
  method: fc.option(fc.constantFrom('GET', 'post', 'PUT', 'PATCH', 'DELETE'), { nil: undefined }),
  url: fc.constantFrom('https://api.example.com/a/{{q}}', '{{base}}/x', 'https://api.example.com/c?x=1'),
  queryParams: rowsArb,
  headers: rowsArb,
  body: bodyArb,
  outputs: outputsArb,
}, { requiredKeys: ['url', 'outputs'] });

const stepArb = (id: string) => fc.record({
  request: requestArb,
  name: fc.option(textArb, { nil: undefined }),
  condition: fc.option(fc.record({ enabled: fc.boolean(), expression: fc.constantFrom('{{q}} !== null', '  {{q}} == "x" ', '') }), { nil: undefined }),
  auth: fc.option(authArb, { nil: undefined }),
  timeout_ms: fc.option(fc.integer({ min: 1000, max: 60000 }), { nil: undefined }),
  max_retries: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  idempotent: fc.option(fc.boolean(), { nil: undefined }),
}, { requiredKeys: ['request'] }).map(({ request, ...rest }) => dropUndefined({ id, ...rest, ...request }));

const mappingsArb = (sources: string[]) => fc.array(fc.record({
  source: fc.constantFrom(...sources),
  target: targetArb,
  custom: fc.option(fc.boolean(), { nil: undefined }),
  coerce: fc.option(fc.constantFrom('none', 'string', 'number', 'boolean', 'date'), { nil: undefined }),
  merge: fc.option(fc.constantFrom('overwrite', 'if_empty'), { nil: undefined }),
}, { requiredKeys: ['source', 'target'] }), { maxLength: 4 });

const commonArb = fc.record({
  name: fc.stringMatching(/^[A-Z][A-Za-z0-9 ]{0,15}$/),
  description: fc.option(textArb, { nil: undefined }),
  icon: fc.option(fc.constantFrom('📞', '🏢'), { nil: undefined }),
  category: fc.option(fc.constantFrom('enrichment', 'validation'), { nil: undefined }),
  input_schema: fc.option(fc.dictionary(nameArb, fc.record({
    type: fc.option(fc.constantFrom(...INPUT_TYPES), { nil: undefined }),
    label: fc.option(textArb, { nil: undefined }),
    required: fc.option(fc.boolean(), { nil: undefined }),
    description: fc.option(textArb, { nil: undefined }),
  }), { maxKeys: 3 }), { nil: undefined }),
  timeout_ms: fc.option(fc.integer({ min: 1000, max: 60000 }), { nil: undefined }),
  max_retries: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  continue_on_error: fc.option(fc.boolean(), { nil: undefined }),
  rateLimiting: fc.option(fc.record({ enabled: fc.boolean(), maxRequestsPerMinute: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }), strategy: fc.constantFrom('queue', 'fail') }, { requiredKeys: [] }), { nil: undefined }),
  auth: fc.option(authArb, { nil: undefined }),
});

/** Series entries of one step or a parallel group of 2–3, at least two steps in all. */
const multiStepArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }).chain((sizes) => {
  let n = 0;
  const entries = sizes.map((size, k) => {
    const ids = Array.from({ length: size }, () => `s${n++}`);
    const steps = fc.tuple(...ids.map(stepArb));
    return size === 1 ? steps.map(([s]) => s as Record<string, unknown>) : steps.map((s) => ({ id: `group_${k}`, type: 'parallel', steps: s }));
  });
  return fc.tuple(...entries);
}).chain((entries) => {
  const steps = entries.flatMap((e) => ((e as { type?: string }).type === 'parallel' ? (e as { steps: Array<Record<string, unknown>> }).steps : [e as Record<string, unknown>]));
  const sources = steps.flatMap((s) => Object.keys(s.outputs as object).map((o) => `${String(s.id)}.${o}`));
  return fc.tuple(commonArb, mappingsArb(sources)).map(([common, field_mappings]) => {
    const { auth, rateLimiting, ...top } = common;
    return dropUndefined({ ...top, type: 'multi-step', config: dropUndefined({ auth, rateLimiting, steps: entries }), field_mappings });
  });
});

const singleStepArb = requestArb.chain((request) => {
  const sources = Object.keys(request.outputs).map((o) => `step_1.${o}`);
  return fc.tuple(commonArb, mappingsArb(sources)).map(([common, field_mappings]) => {
    const { auth, rateLimiting, ...top } = common;
    return dropUndefined({ ...top, type: 'single-step', config: dropUndefined({ auth, rateLimiting, ...request }), field_mappings });
  });
});

function dropUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

describe('interchange → import → export', () => {
  it.each([['multi-step', multiStepArb], ['single-step', singleStepArb]] as const)('a generated %s document comes back equal (normalised)', (_type, arb) => {
    fc.assert(fc.property(arb, (doc) => {
      expect(normaliseInterchange(exportInterchange(importInterchange(doc)))).toEqual(normaliseInterchange(doc));
    }), { numRuns: RUNS });
  });
});

/**
 * What the interchange format does not carry, or spells one way, in an app document: the id
 * (derived from the name), edge ids (`e_<source>__<target>`), credential slot labels (the name)
 * and order, a raw body's content type of text/plain (the format's default).
 */
function normaliseApp(c: Connector): unknown {
  const { id: _id, edges, credentials, ...rest } = c;
  void _id;
  return {
    ...rest,
    edges: edges.map((e) => `${e.source}>${e.target}`).sort(),
    credentials: credentials.map((slot) => slot.name).sort(),
  };
}

const appAuthArb = authArb.map((a) => JSON.parse(JSON.stringify(a).replaceAll('workspace', 'credentials')) as Connector['auth']);

/** A layered app connector: layers of 1–3 steps, each depending on every step of the layer before. */
const layeredAppArb = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }).chain((sizes) => {
  let n = 0;
  const layers = sizes.map((size) => Array.from({ length: size }, () => `s${n++}`));
  const ids = layers.flat();
  const step = (id: string) => fc.record({
    method: fc.constantFrom('GET', 'POST', 'PATCH'),
    body: fc.oneof(fc.constant({ type: 'none' }), fc.record({ type: fc.constant('json'), value: fc.dictionary(nameArb, fc.oneof(textArb, fc.integer(), fc.boolean()), { maxKeys: 3 }) }), fc.record({ type: fc.constant('raw'), text: textArb, contentType: fc.constant('text/plain') })),
    condition: fc.option(fc.constantFrom('{{q}} !== null', '{{q}} == "x"'), { nil: undefined }),
    auth: fc.option(appAuthArb, { nil: undefined }),
    outputs: fc.uniqueArray(nameArb, { minLength: 1, maxLength: 3 }),
    idempotent: fc.option(fc.boolean(), { nil: undefined }),
  }).map((s) => dropUndefined({ id, name: `Step ${id}`, method: s.method, url: `https://api.example.com/${id}/{{q}}`, query: [{ key: 'q', value: '{{q}}' }], body: s.body, condition: s.condition, auth: s.auth, idempotent: s.idempotent, outputs: s.outputs.map((name) => ({ name, path: `$.${name}` })) }));
  return fc.tuple(fc.tuple(...ids.map(step)), appAuthArb, fc.constantFrom(...INPUT_TYPES), fc.boolean()).chain(([steps, auth, inputType, rate]) => {
    const sources = steps.flatMap((s) => s.outputs.map((o) => `${s.id}.${o.name}`));
    return mappingsArb(sources).map((fieldMappings) => {
      const edges = layers.slice(1).flatMap((layer, k) => layer.flatMap((target) => layers[k]!.map((source) => ({ id: `x_${source}_${target}`, source, target }))));
      const refs = JSON.stringify([auth, steps]).match(/\{\{\s*credentials\.(\w+)/g) ?? [];
      return ConnectorSchema.parse({
        schemaVersion: 2, id: 'generated', name: 'Generated connector', inputs: [{ name: 'q', type: inputType, label: 'Q', required: true }],
        credentials: [...new Set(refs.map((r) => r.replace(/\{\{\s*credentials\./, '')))].map((name) => ({ name, label: name })),
        auth, steps, edges, fieldMappings: fieldMappings.map((m) => dropUndefined(m)),
        ...(rate ? { rateLimit: { enabled: true, maxRequestsPerMinute: 60, strategy: 'queue' } } : {}),
      });
    });
  });
});

describe('layered app document → export → import', () => {
  it('comes back equal (normalised)', () => {
    fc.assert(fc.property(layeredAppArb, (c) => {
      expect(normaliseApp(importInterchange(exportInterchange(c)))).toEqual(normaliseApp(c));
    }), { numRuns: RUNS });
  });
});
