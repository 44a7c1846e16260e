import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/ConnectorError.js';
import { interpolate, interpolateToString, listReferences, parseTemplate, type Scope } from './index.js';

const scope: Scope = {
  inputs: { phone: '+15551234567', email: 'a+b@x.io', count: 3, flag: false, missing: null, base: 'https://api.example.com/v2' },
  credentials: { crm_token: 's3cret' },
  steps: { step_1: { contactId: 'c/1 #x', count: 7, contact: { emails: ['e0', 'e1'], name: 'Ann' }, none: null } },
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ConnectorError ? error.code : `not a ConnectorError: ${String(error)}`;
  }
  return undefined;
}

describe('parseTemplate', () => {
  it('splits literals and references, whitespace allowed inside braces', () => {
    const parts = parseTemplate('Hi {{ phone }}, id {{step_1.contactId}}!');
    expect(parts.map((p) => p.type)).toEqual(['literal', 'reference', 'literal', 'reference', 'literal']);
    expect(parts[1]).toMatchObject({ type: 'reference', start: 3, ref: { kind: 'input', name: 'phone', raw: '{{ phone }}' } });
    expect(parts[3]).toMatchObject({ ref: { kind: 'step', name: 'step_1', output: 'contactId' } });
  });

  it('reads credentials under both spellings and paths into outputs', () => {
    expect(parseTemplate('{{credentials.crm_token}}')[0]).toMatchObject({ ref: { kind: 'credential', name: 'crm_token' } });
    expect(parseTemplate('{{workspace.crm_token}}')[0]).toMatchObject({ ref: { kind: 'credential', name: 'crm_token' } });
    expect(parseTemplate('{{step_1.contact.emails.1}}')[0]).toMatchObject({ ref: { kind: 'step', output: 'contact', path: ['emails', '1'] } });
  });

  it('rejects malformed and forbidden references with the column', () => {
    for (const bad of ['{{}}', '{{a b}}', 'x {{a', '{{1abc}}', '{{credentials.a.b}}', '{{step_1.-x}}', '{{a.__proto__}}', '{{constructor}}', '{{s.prototype.x}}']) {
      expect(codeOf(() => parseTemplate(bad)), bad).toBe('INVALID_TEMPLATE');
    }
    expect(() => parseTemplate('abc {{ a b }}')).toThrow(/column 5/);
  });

  it('treats text without braces and a lone }} as literal', () => {
    expect(parseTemplate('a }} b')).toEqual([{ type: 'literal', text: 'a }} b' }]);
    expect(parseTemplate('')).toEqual([]);
    expect(interpolate('{{{phone}}}', scope)).toBe('{+15551234567}');
    expect(interpolate('{"a":{{count}}}', scope)).toBe('{"a":3}');
  });
});

describe('interpolate', () => {
  it('keeps the JSON type of a string that is exactly one template', () => {
    expect(interpolate('{{count}}', scope)).toBe(3);
    expect(interpolate('{{ flag }}', scope)).toBe(false);
    expect(interpolate('{{missing}}', scope)).toBeNull();
    expect(interpolate('{{step_1.contact}}', scope)).toEqual({ emails: ['e0', 'e1'], name: 'Ann' });
    expect(interpolate('{{step_1.contact.emails.1}}', scope)).toBe('e1');
    expect(interpolate('{{step_1.contact.nope}}', scope)).toBeNull();
  });

  it('stringifies inside larger strings: null → empty, objects → JSON', () => {
    expect(interpolate('n={{count}} f={{flag}} m=[{{missing}}]', scope)).toBe('n=3 f=false m=[]');
    expect(interpolate('c={{step_1.contact.emails}}', scope)).toBe('c=["e0","e1"]');
  });

  it('walks arrays and objects, leaving keys and non-strings alone', () => {
    const body = { phone: '{{phone}}', n: 1, list: ['{{count}}', true, null], nested: { '{{phone}}': 'x {{step_1.count}}' } };
    expect(interpolate(body, scope)).toEqual({ phone: '+15551234567', n: 1, list: [3, true, null], nested: { '{{phone}}': 'x 7' } });
  });

  it('keeps a "__proto__" key as data', () => {
    const out = interpolate(JSON.parse('{"__proto__": {"polluted": "{{phone}}"}}'), scope) as Record<string, unknown>;
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('percent-encodes inserted values in url mode, except a template that begins the URL', () => {
    expect(interpolate('https://x.io/c/{{step_1.contactId}}?e={{email}}', scope, { mode: 'url' })).toBe('https://x.io/c/c%2F1%20%23x?e=a%2Bb%40x.io');
    expect(interpolate('{{base}}/contacts/{{phone}}', scope, { mode: 'url' })).toBe('https://api.example.com/v2/contacts/%2B15551234567');
    expect(interpolate('{{count}}', scope, { mode: 'url' })).toBe('3');
  });

  it('is single pass: a resolved value containing a template stays literal', () => {
    const s: Scope = { ...scope, steps: { step_1: { evil: '{{credentials.crm_token}}' } } };
    expect(interpolate('v={{step_1.evil}}', s)).toBe('v={{credentials.crm_token}}');
    expect(interpolate('{{step_1.evil}}', s)).toBe('{{credentials.crm_token}}');
  });

  it('throws INVALID_TEMPLATE naming unknown inputs, steps and outputs; MISSING_CREDENTIAL for credentials', () => {
    expect(() => interpolate('{{nope}}', scope)).toThrow(/\{\{nope\}\}/);
    expect(codeOf(() => interpolate('{{nope}}', scope))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => interpolate('{{step_9.x}}', scope))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => interpolate('{{step_1.x}}', scope))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => interpolate('{{toString}}', scope))).toBe('INVALID_TEMPLATE');
    expect(codeOf(() => interpolate('Bearer {{credentials.other}}', scope))).toBe('MISSING_CREDENTIAL');
    expect(interpolate('Bearer {{credentials.crm_token}}', scope)).toBe('Bearer s3cret');
  });

  it('interpolateToString always returns text', () => {
    expect(interpolateToString('{{count}}', scope)).toBe('3');
    expect(interpolateToString('{{missing}}', scope)).toBe('');
  });
});

describe('listReferences', () => {
  it('lists references across a JSON value in order', () => {
    const refs = listReferences({ a: '{{phone}} {{credentials.t}}', b: ['{{step_1.x.y}}'], c: 5, '{{key}}': 'x' });
    expect(refs.map((r) => [r.kind, r.name, r.output, r.path])).toEqual([
      ['input', 'phone', undefined, undefined],
      ['credential', 't', undefined, undefined],
      ['step', 'step_1', 'x', ['y']],
    ]);
  });
});
