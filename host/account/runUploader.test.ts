import { describe, expect, it } from 'vitest';
import { clientRunId } from './runUploader.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('clientRunId', () => {
  it('keeps a run id that is already a UUID (lower-cased)', () => {
    expect(clientRunId('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
  });

  it('maps any other run id to the same UUID every time, and different ids to different UUIDs', () => {
    const id = clientRunId('run-lx1k2-abcdef12');
    expect(id).toMatch(UUID);
    expect(clientRunId('run-lx1k2-abcdef12')).toBe(id);
    expect(clientRunId('run-lx1k2-abcdef13')).not.toBe(id);
  });
});
