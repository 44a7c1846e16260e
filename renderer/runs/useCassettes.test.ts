import { describe, expect, it } from 'vitest';
import { CassetteNameSchema } from '../../contract/hostApi.js';
import { defaultCassette } from './useCassettes.js';
import { timestampedCassetteName } from '../services/cassetteNames.js';

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

describe('defaultCassette', () => {
  const c = (name: string, error?: string) => ({ name, recordedAt: null, interactions: 1, ...(error ? { error } : {}) });
  it('prefers the readable `default` cassette (an installed template replays it), else the newest readable one', () => {
    expect(defaultCassette([c('unknown-phone'), c('default'), c('known-phone')])).toBe('default');
    expect(defaultCassette([c('broken', 'not JSON'), c('newest'), c('older')])).toBe('newest');
    expect(defaultCassette([c('default', 'not JSON'), c('newest')])).toBe('newest');
    expect(defaultCassette([c('broken', 'not JSON')])).toBeNull();
  });
});
