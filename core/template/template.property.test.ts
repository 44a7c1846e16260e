import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interpolate, interpolateUrl, listReferences, type Scope } from './index.js';

const scopeWith = (v: unknown): Scope => ({ inputs: { v }, credentials: { secret: 'S3CRET' }, steps: { step_1: { v } } });
/** Strings that look like templates are the interesting ones for the single-pass rule. */
const trickyString = fc.oneof(
  fc.string(),
  fc.constantFrom('{{credentials.secret}}', '{{v}}', '{{ step_1.v }}', '{{', '}}', '{{nope}}', '{{__proto__}}'),
  fc.tuple(fc.string(), fc.constantFrom('{{credentials.secret}}', '{{v}}'), fc.string()).map(([a, b, c]) => a + b + c),
);
const literal = fc.string().filter((s) => !s.includes('{{'));

describe('interpolation properties', () => {
  it('never re-interprets an inserted value (single pass)', () => {
    fc.assert(fc.property(trickyString, literal, literal, (value, before, after) => {
      const scope = scopeWith(value);
      expect(interpolate(`${before}{{step_1.v}}${after}`, scope)).toBe(before + value + after);
      expect(interpolate('{{v}}', scope)).toBe(value);
    }));
  });

  it('keeps the JSON type of a whole template, for any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.constantFrom('{{step_1.v}}', '{{ v }}', '{{v}}'), (value, template) => {
      expect(interpolate(template, scopeWith(value))).toEqual(value);
    }));
  });

  it('returns a JSON document with no template unchanged', () => {
    fc.assert(fc.property(fc.jsonValue().filter((v) => !JSON.stringify(v).includes('{{')), (doc) => {
      expect(interpolate(doc, scopeWith(null))).toEqual(doc);
      expect(listReferences(doc)).toEqual([]);
    }));
  });

  it('url mode: any value survives a path segment and a query value through new URL', () => {
    // "." and ".." can't survive a path segment at all (URL parsers resolve them, %2e too): refused, tested below.
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }).filter((v) => v !== '.' && v !== '..'), (value) => {
      const url = new URL(interpolate('https://api.example.com/items/{{v}}/x?q={{step_1.v}}', scopeWith(value), { mode: 'url' }) as string);
      expect(url.host).toBe('api.example.com');
      const segment = url.pathname.split('/')[2]!;
      expect(decodeURIComponent(segment)).toBe(value);
      expect(url.searchParams.get('q')).toBe(value);
      expect([...url.searchParams.keys()]).toEqual(['q']);
    }));
  });

  it('url mode refuses a value that would make a dot segment in the path, but not in the query', () => {
    for (const value of ['.', '..']) {
      expect(() => interpolate('https://api.example.com/items/{{v}}/x', scopeWith(value), { mode: 'url' })).toThrow(/path segment/);
      expect(() => interpolate('https://api.example.com/items/{{v}}', scopeWith(value), { mode: 'url' })).toThrow(/path segment/);
      expect(new URL(interpolate('https://api.example.com/items?q={{v}}', scopeWith(value), { mode: 'url' }) as string).searchParams.get('q')).toBe(value);
    }
    // Encoded values that only look like dots are data, and literal dot segments are the author's own.
    expect(new URL(interpolate('https://api.example.com/items/{{v}}', scopeWith('%2e'), { mode: 'url' }) as string).pathname).toBe('/items/%252e');
    expect(interpolate('https://api.example.com/a/../items/{{v}}', scopeWith('x..'), { mode: 'url' })).toBe('https://api.example.com/a/../items/x..');
  });

  it('interpolateUrl: any keys and values come back from searchParams', () => {
    const text = (minLength: number) => fc.string({ unit: 'grapheme', minLength }).filter((k) => !k.includes('{{'));
    const row = fc.record({ key: text(1), value: text(0) });
    fc.assert(fc.property(fc.array(row, { maxLength: 5 }), (rows) => {
      const url = new URL(interpolateUrl('https://api.example.com/s', rows, scopeWith('x')));
      expect([...url.searchParams.entries()]).toEqual(rows.map((r) => [r.key, r.value]));
    }));
  });

  it('url mode never throws a non-ConnectorError, even with lone surrogates', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (value) => {
      expect(typeof interpolate('https://x.io/{{v}}', scopeWith(value), { mode: 'url' })).toBe('string');
    }));
  });
});
