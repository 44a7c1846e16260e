import { describe, expect, it } from 'vitest';
import { guardedJson } from './secretGuard.js';

describe('guardedJson', () => {
  const secrets = { crm_token: 'sk_0123456789abcdef' };

  it('passes clean records through unchanged', () => {
    const record = { steps: [{ request: { headers: { authorization: 'Bearer {{credentials.crm_token}}' } } }] };
    expect(guardedJson(record, secrets)).toBe(JSON.stringify(record));
  });

  it('redacts a value core missed, in plain and encoded forms', () => {
    const leaked = { body: 'token=sk_0123456789abcdef', b64: Buffer.from('sk_0123456789abcdef').toString('base64') };
    const text = guardedJson(leaked, secrets);
    expect(text).not.toContain('sk_0123456789abcdef');
    expect(text).not.toContain(leaked.b64);
    expect(text).toContain('{{credentials.crm_token}}');
  });
});
