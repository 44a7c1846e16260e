import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportInterchange, importInterchange } from '../interchange/index.js';
import type { Connector } from '../schema/connector.js';
import { validateConnector } from './index.js';

/** A layered connector (1–3 steps per layer, at most 5 steps) whose references only use ancestors. */
const layeredConnector = fc
  .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 })
  .map((sizes) => {
    const out: number[] = [];
    let total = 0;
    for (const size of sizes) {
      if (total + size > 5) continue;
      out.push(size);
      total += size;
    }
    return out;
  })
  .chain((sizes) => {
    const layers: string[][] = [];
    let n = 0;
    for (const size of sizes) layers.push(Array.from({ length: size }, () => `s${++n}`));
    const stepIds = layers.flat();
    const stepArb = (id: string, layer: number) => {
      const ancestors = layers.slice(0, layer).flat();
      const refs = ['{{q}}', '{{credentials.token}}', ...ancestors.map((a) => `{{${a}.o0}}`)];
      return fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        ref: fc.constantFrom(...refs),
        queryValue: fc.string({ maxLength: 8 }).filter((s) => !s.includes('{')),
        body: fc.option(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown).filter((v) => v !== null && typeof v !== 'string' && !JSON.stringify(v).includes('{')), { nil: undefined }),
        condition: fc.option(fc.constantFrom(...refs.map((r) => `${r} != null`)), { nil: undefined }),
      }).map(({ method, ref, queryValue, body, condition }) => ({
        id,
        name: `Step ${id}`,
        method,
        url: `https://api.example.com/${id}/${ref}`,
        query: [{ key: 'k', value: queryValue }],
        ...(body !== undefined && method !== 'GET' ? { body: { type: 'json', value: body } } : {}),
        outputs: [{ name: 'o0', path: '$.id' }, { name: 'o1', path: '$.items[0].name' }],
        ...(condition !== undefined && stepIds.length > 1 ? { condition } : {}),
      }));
    };
    const edges = layers.slice(1).flatMap((layer, k) => layer.flatMap((target) => layers[k]!.map((source) => ({ id: `${source}_${target}`, source, target }))));
    return fc.tuple(...layers.flatMap((layer, k) => layer.map((id) => stepArb(id, k)))).map((steps) => ({
      schemaVersion: 2,
      id: 'generated',
      name: 'Generated',
      inputs: [{ name: 'q', type: 'string' }],
      credentials: [{ name: 'token', label: 'token' }],
      auth: { type: 'bearer', token: '{{credentials.token}}' },
      steps,
      edges,
      fieldMappings: [{ source: `${stepIds[stepIds.length - 1]}.o1`, target: 'company' }],
      layers,
    }));
  });

const semantics = (c: Connector) => ({
  steps: c.steps.map((s) => ({ id: s.id, method: s.method, url: s.url, query: s.query, body: s.body, outputs: s.outputs, condition: s.condition })),
  edges: c.edges.map((e) => `${e.source}>${e.target}`).sort(),
  inputs: c.inputs,
  auth: c.auth,
  fieldMappings: c.fieldMappings,
  settings: c.settings,
});

function renameStep(c: Connector, from: string, to: string): Connector {
  return {
    ...c,
    steps: c.steps.map((s) => (s.id === from ? { ...s, id: to } : s)),
    fieldMappings: c.fieldMappings.map((m) => (m.source.startsWith(`${from}.`) ? { ...m, source: to + m.source.slice(from.length) } : m)),
  };
}

describe('schema properties', () => {
  it('generated layered connectors validate, and survive a JSON round trip unchanged', () => {
    fc.assert(fc.property(layeredConnector, ({ layers: _layers, ...doc }) => {
      const result = validateConnector(doc);
      expect(result.issues).toEqual([]);
      const again = validateConnector(JSON.parse(JSON.stringify(result.connector)));
      expect(again.connector).toEqual(result.connector);
    }), { numRuns: 200 });
  });

  it('app → interchange → app preserves what runs', () => {
    fc.assert(fc.property(layeredConnector, ({ layers: _layers, ...doc }) => {
      const c = validateConnector(doc).connector!;
      const back = importInterchange(exportInterchange(c));
      const single = c.steps.length === 1 && c.steps[0]!.condition === undefined;
      // A single-step document has no step ids: the one step comes back as step_1.
      const expected = single ? renameStep(c, c.steps[0]!.id, 'step_1') : c;
      expect(semantics(back)).toEqual(semantics(expected));
      expect(validateConnector(back).ok).toBe(true);
    }), { numRuns: 200 });
  });

  it('a reference to a step that is not an ancestor is always an error on that field', () => {
    fc.assert(fc.property(layeredConnector, fc.nat(), ({ layers, ...doc }, pick) => {
      const stepIds = layers.flat();
      const target = stepIds[pick % stepIds.length]!;
      const layerOf = layers.findIndex((l) => l.includes(target));
      const notAncestors = layers.slice(layerOf).flat();
      const bad = notAncestors[pick % notAncestors.length]!;
      const index = stepIds.indexOf(target);
      const steps = doc.steps.map((s, i) => (i === index ? { ...s, url: `https://x.io/{{${bad}.o0}}` } : s));
      const issues = validateConnector({ ...doc, steps }).issues.filter((i) => i.severity === 'error');
      expect(issues.map((i) => i.path)).toContain(`steps[${index}].url`);
    }), { numRuns: 200 });
  });
});
