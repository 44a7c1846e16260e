import { describe, expect, it } from 'vitest';
import { parseKeyValues } from './parseKeyValues.js';

describe('parseKeyValues', () => {
  it('splits at the first = and lets a later flag win', () => {
    expect(parseKeyValues(['url=https://x.test/?a=b', 'n=1', 'n=2', 'empty='], 'input', 'run')).toEqual({ url: 'https://x.test/?a=b', n: '2', empty: '' });
  });

  it('rejects a pair without a key, and never echoes a credential value', () => {
    expect(() => parseKeyValues(['phone'], 'input', 'run')).toThrow(/--input expects key=value, got "phone"/);
    expect(() => parseKeyValues(['s3cr3t-value'], 'credential', 'run')).toThrow(/got "\*{8}"/);
    expect(() => parseKeyValues(['s3cr3t-value'], 'credential', 'run')).not.toThrow(/s3cr3t/);
  });
});
