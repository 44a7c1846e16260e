import { describe, expect, it } from 'vitest';
import { noticeDuration } from './noticeDuration.js';

describe('noticeDuration', () => {
  it('lets news and errors go by themselves, and keeps a notice that offers an action', () => {
    expect(noticeDuration({ kind: 'success' })).toBe(4_000);
    expect(noticeDuration({ kind: 'info' })).toBe(4_000);
    expect(noticeDuration({ kind: 'error' })).toBeGreaterThan(4_000);
    expect(Number.isFinite(noticeDuration({ kind: 'error' }))).toBe(true);
    expect(noticeDuration({ kind: 'info', action: { label: 'Undo', run: () => undefined } })).toBe(Number.POSITIVE_INFINITY);
  });
});
