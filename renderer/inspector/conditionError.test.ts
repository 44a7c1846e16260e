import { describe, expect, it } from 'vitest';
import { conditionError } from './conditionError.js';

describe('conditionError', () => {
  it('accepts an empty or well-formed condition', () => {
    expect(conditionError(undefined)).toBeNull();
    expect(conditionError('  ')).toBeNull();
    expect(conditionError('{{search.count}} > 0 && {{details.companyId}} !== null')).toBeNull();
  });

  it('rejects code that is not an expression, without running it', () => {
    const before = Object.keys(Object.prototype).length;
    expect(conditionError("constructor.constructor('alert(1)')()")).toEqual(expect.any(String));
    expect(conditionError('{{search.count}} >')).toEqual(expect.any(String));
    expect(Object.keys(Object.prototype)).toHaveLength(before);
  });
});
