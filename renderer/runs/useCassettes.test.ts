import { describe, expect, it } from 'vitest';
import { CassetteNameSchema } from '../../contract/hostApi.js';
import { timestampedCassetteName } from './useCassettes.js';

describe('timestampedCassetteName', () => {
  it('is a valid cassette name that encodes the local date and time to the second', () => {
    const name = timestampedCassetteName(new Date(2025, 0, 31, 9, 5, 7));
    expect(name).toBe('rec-20250131-090507');
    expect(CassetteNameSchema.safeParse(name).success).toBe(true);
  });

  it('sorts by time as text', () => {
    const earlier = timestampedCassetteName(new Date(2025, 8, 9, 23, 59, 59));
    const later = timestampedCassetteName(new Date(2025, 9, 1, 0, 0, 0));
    expect([later, earlier].sort()).toEqual([earlier, later]);
  });
});
