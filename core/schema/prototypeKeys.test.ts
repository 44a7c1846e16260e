/** Issue 11, point 9: names that are object keys can never reach a prototype. */
import { describe, expect, it } from 'vitest';
import { extractOutputs } from '../executor/extractOutputs.js';
import { resolveInputs } from '../executor/resolveInputs.js';
import { importInterchange } from '../interchange/index.js';
import { mapFields } from '../mapping/index.js';
import { validateConnector } from '../validation/index.js';

const base = (over: Record<string, unknown> = {}) => ({ schemaVersion: 2, id: 'p', name: 'P', steps: [{ id: 's', url: 'https://x.test', outputs: [{ name: 'id', path: '$.id' }] }], ...over });

describe.each(['__proto__', 'constructor', 'prototype'])('the name %s', (name) => {
  it('is refused as an output, input, step and credential name, and as a mapping target', () => {
    const cases = [
      base({ steps: [{ id: 's', url: 'https://x.test', outputs: [{ name, path: '$.x' }] }] }),
      base({ inputs: [{ name }] }),
      base({ steps: [{ id: name, url: 'https://x.test' }] }),
      base({ credentials: [{ name }] }),
      base({ fieldMappings: [{ source: 's.id', target: name, custom: true }] }),
    ];
    for (const doc of cases) {
      const result = validateConnector(doc);
      expect(result.ok).toBe(false);
      expect(result.issues.map((i) => i.message).join('\n')).toMatch(/cannot be __proto__, constructor or prototype/);
    }
  });

  it('is refused as an interchange output or input_schema key (not silently dropped)', () => {
    const outputs = JSON.parse(`{ "name": "P", "type": "single-step", "config": { "url": "https://x.test", "outputs": { "${name}": "$.x" } } }`) as unknown;
    expect(() => importInterchange(outputs)).toThrow(/cannot be __proto__/);
    const inputs = JSON.parse(`{ "name": "P", "type": "single-step", "input_schema": { "${name}": { "type": "string" } }, "config": { "url": "https://x.test" } }`) as unknown;
    expect(() => importInterchange(inputs)).toThrow(/cannot be __proto__/);
  });
});

describe('prototype-less maps (for documents that bypass the schema)', () => {
  it('an output named __proto__ becomes an own key and cannot replace the outputs object\'s prototype', () => {
    const { outputs } = extractOutputs({ id: 's', outputs: [{ name: '__proto__', path: '$.evil' }, { name: 'id', path: '$.id' }] }, JSON.stringify({ evil: { polluted: true }, id: 7 }));
    expect(Object.getPrototypeOf(outputs)).toBeNull();
    expect(Object.hasOwn(outputs, '__proto__')).toBe(true);
    expect((outputs as { polluted?: unknown }).polluted).toBeUndefined();
    expect(outputs.id).toBe(7);
  });

  it('inputs and mapped contact fields are prototype-less, and a mapping never reads inherited properties', () => {
    const inputs = resolveInputs([], JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, never>);
    expect(Object.getPrototypeOf(inputs)).toBeNull();
    expect((inputs as { polluted?: unknown }).polluted).toBeUndefined();
    const { patch, skipped } = mapFields({ fieldMappings: [{ source: 'constructor.name', target: 'company', custom: false, coerce: 'none', merge: 'overwrite' }, { source: 's.v', target: '__proto__', custom: true, coerce: 'none', merge: 'overwrite' }] }, { s: { v: { polluted: true } } });
    expect(patch.company).toBeUndefined(); // before: "Object", read through {}.constructor.name
    expect(skipped.map((s) => s.source)).toEqual(['constructor.name']);
    expect(Object.getPrototypeOf(patch)).toBeNull();
    expect((patch as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
