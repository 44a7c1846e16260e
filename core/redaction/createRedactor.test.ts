import { describe, expect, it } from 'vitest';
import { base64Encode, createRedactor, isSensitiveHeaderName, redactingLogger } from './index.js';

const SECRET = 'sk_live+Sec/ret=42 ü';

describe('createRedactor', () => {
  const redactor = createRedactor({ crm_token: SECRET, user: 'alice', pass: 'pa:ss w0rd' });

  it('replaces a secret in text with its credential placeholder', () => {
    expect(redactor.redactText(`token is ${SECRET}!`)).toBe('token is {{credentials.crm_token}}!');
  });

  it('catches the URL-encoded, form-encoded, JSON-escaped and base64 forms', () => {
    for (const form of [encodeURIComponent(SECRET), new URLSearchParams({ a: SECRET }).toString().slice(2), JSON.stringify(SECRET).slice(1, -1), base64Encode(SECRET)]) {
      const out = redactor.redactText(`x=${form}&y=1`);
      expect(out).toBe('x={{credentials.crm_token}}&y=1');
    }
  });

  it("catches Basic auth's base64 of user:pass", () => {
    const header = `Basic ${base64Encode('alice:pa:ss w0rd')}`;
    expect(redactor.redactText(header)).toBe('Basic {{credentials.user}}:{{credentials.pass}}');
  });

  it('redacts deep JSON, keys included, without touching other values', () => {
    const out = redactor.redactValue({ a: [1, { b: `Bearer ${SECRET}` }], [SECRET]: true, n: null });
    expect(out).toEqual({ a: [1, { b: 'Bearer {{credentials.crm_token}}' }], '{{credentials.crm_token}}': true, n: null });
  });

  it('masks sensitive headers whose value is not a known secret, keeps placeholders that say which credential was used', () => {
    const out = redactor.redactHeaders({ authorization: 'Bearer some-oauth-token', 'x-api-key': SECRET, cookie: 'sid=abc', accept: `application/json` });
    expect(out).toEqual({ authorization: 'Bearer [redacted]', 'x-api-key': '{{credentials.crm_token}}', cookie: '[redacted]', accept: 'application/json' });
  });

  it('learns secrets during a run and keeps old values of a refreshed token redacted', () => {
    const r = createRedactor({});
    r.addSecret('oauth_access_token', 'tok-1');
    r.addSecret('oauth_access_token', 'tok-2');
    expect(r.redactText('tok-1 tok-2')).toBe('{{credentials.oauth_access_token}} {{credentials.oauth_access_token}}');
    expect(r.containsSecret('a tok-2 b')).toBe(true);
    expect(r.containsSecret('nothing here')).toBe(false);
  });

  it('treats vendor API-key and token headers as sensitive', () => {
    for (const name of ['Authorization', 'X-Hubspot-Api-Key', 'X-Shopify-Access-Token', 'Cookie', 'api_key']) expect(isSensitiveHeaderName(name)).toBe(true);
    for (const name of ['Accept', 'Content-Type', 'X-Request-Id']) expect(isSensitiveHeaderName(name)).toBe(false);
  });
});

describe('createRedactor with a shared pattern cache', () => {
  it('redacts exactly like a redactor without one, and never with patterns of other secrets', () => {
    const cache = new Map();
    const text = (secret: string) => `a=${secret} b=${encodeURIComponent(secret)} c=${base64Encode(`${secret}:${secret}`)}`;
    for (const secret of ['first+secret/1', 'second secret 2', 'first+secret/1']) {
      const cached = createRedactor({}, cache);
      const plain = createRedactor({});
      for (const redactor of [cached, plain]) redactor.addSecret('token', secret);
      expect(cached.redactText(text(secret))).toBe(plain.redactText(text(secret)));
      expect(cached.containsSecret(text(secret))).toBe(true);
      expect(cached.redactText(text(secret))).not.toContain(secret);
      // The other secret is not known to this redactor, so it stays as it is.
      const other = secret === 'second secret 2' ? 'first+secret/1' : 'second secret 2';
      expect(cached.redactText(other)).toBe(other);
    }
    // No secrets, the first one, the second one.
    expect(cache.size).toBe(3);
  });
});

describe('redactingLogger', () => {
  it('redacts the message and every field before the logger sees them', () => {
    const lines: unknown[] = [];
    const sink = { debug: () => {}, info: () => {}, warn: (message: string, data?: Record<string, unknown>) => lines.push([message, data]), error: () => {} };
    const logger = redactingLogger(sink, createRedactor({ crm_token: SECRET }));
    logger.warn(`failed with ${JSON.stringify(SECRET).replace(/\//g, '\\/')}`, { error: `Bearer ${SECRET}` });
    expect(lines).toEqual([['failed with "{{credentials.crm_token}}"', { error: 'Bearer {{credentials.crm_token}}' }]]);
  });
});
