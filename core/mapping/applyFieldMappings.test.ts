import { describe, expect, it } from 'vitest';
import { applyFieldMappings, coerceValue, mapFields } from './index.js';
import type { FieldMapping } from '../schema/connector.js';

const m = (source: string, target: string, extra: Partial<FieldMapping> = {}): FieldMapping => ({ source, target, custom: false, coerce: 'none', merge: 'overwrite', ...extra });

describe('applyFieldMappings', () => {
  const outputs = { s1: { first: 'Ada', age: '36', vip: 'yes', since: 1_700_000_000, missing: null, blank: '' }, s2: { company: 'Acme' } };

  it('maps outputs to system and custom fields with coercion', () => {
    const patch = applyFieldMappings(
      {
        fieldMappings: [
          m('s1.first', 'first_name'),
          m('s1.age', 'age', { custom: true, coerce: 'number' }),
          m('s1.vip', 'is_vip', { custom: true, coerce: 'boolean' }),
          m('s1.since', 'customer_since', { custom: true, coerce: 'date' }),
          m('s2.company', 'company', { coerce: 'string' }),
        ],
      },
      outputs,
    );
    expect(patch).toEqual({ first_name: 'Ada', age: 36, is_vip: true, customer_since: '2023-11-14T22:13:20.000Z', company: 'Acme' });
  });

  it('never overwrites with null, a missing output or an uncoercible value, and says why', () => {
    const result = mapFields({ fieldMappings: [m('s1.missing', 'email'), m('s9.x', 'phone'), m('s1.first', 'score', { coerce: 'number' })] }, outputs, { email: 'a@b.c' });
    expect(result.patch).toEqual({});
    expect(result.skipped.map((s) => s.target)).toEqual(['email', 'phone', 'score']);
    expect(result.skipped[2]?.reason).toMatch(/number/);
  });

  it('if_empty keeps a non-empty existing value and fills an empty one', () => {
    const mappings = { fieldMappings: [m('s1.first', 'first_name', { merge: 'if_empty' }), m('s2.company', 'company', { merge: 'if_empty' })] };
    expect(applyFieldMappings(mappings, outputs, { first_name: 'Grace', company: '  ' })).toEqual({ company: 'Acme' });
  });

  it('an empty string output still overwrites (it is a value, not null)', () => {
    expect(applyFieldMappings({ fieldMappings: [m('s1.blank', 'title')] }, outputs, { title: 'CTO' })).toEqual({ title: '' });
  });
});

describe('coerceValue', () => {
  it.each([
    ['1,234', 'number', 1234],
    ['abc', 'number', undefined],
    [0, 'boolean', false],
    ['No', 'boolean', false],
    ['maybe', 'boolean', undefined],
    [{ a: 1 }, 'string', '{"a":1}'],
    ['2024-02-29', 'date', '2024-02-29T00:00:00.000Z'],
    [1_709_164_800_000, 'date', '2024-02-29T00:00:00.000Z'],
    ['not a date', 'date', undefined],
  ] as const)('%j as %s → %j', (value, type, expected) => {
    expect(coerceValue(value, type)).toEqual(expected);
  });
});
