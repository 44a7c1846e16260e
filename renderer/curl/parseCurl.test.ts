import { describe, expect, it } from 'vitest';
import { StepSchema } from '#core';
import { CurlParseError, parseCurl, shellWords } from './parseCurl.js';

describe('shellWords', () => {
  it('splits like a shell, with quotes, escapes and continuations', () => {
    expect(shellWords(`curl 'a b' "c \\"d\\"" e\\ f \\\n -X`)).toEqual(['curl', 'a b', 'c "d"', 'e f', '-X']);
  });
  it('rejects an unclosed quote', () => {
    expect(() => shellWords(`curl 'abc`)).toThrow(CurlParseError);
  });
});

describe('parseCurl', () => {
  it('turns a JSON POST into a valid step with query, headers and body', () => {
    const { step } = parseCurl(`curl -X POST 'https://api.example.com/v1/people?limit=5' -H 'Accept: application/json' -H 'Content-Type: application/json' --data-raw '{"phone":"+1555"}'`);
    expect(StepSchema.parse(step)).toBeTruthy();
    expect(step.method).toBe('POST');
    expect(step.url).toBe('https://api.example.com/v1/people');
    expect(step.query).toEqual([{ key: 'limit', value: '5', enabled: true, source: 'static' }]);
    expect(step.headers.map((h) => h.key)).toEqual(['Accept', 'Content-Type']);
    expect(step.body).toEqual({ type: 'json', value: { phone: '+1555' } });
  });

  it('defaults to GET, or POST when there is data; -G moves data to the query', () => {
    expect(parseCurl('curl https://x.test/a').step.method).toBe('GET');
    expect(parseCurl('curl https://x.test/a -d a=1').step).toMatchObject({ method: 'POST', body: { type: 'form', fields: [{ key: 'a', value: '1' }] } });
    const get = parseCurl('curl -G https://x.test/a -d q=hello --data-urlencode lang=en').step;
    expect(get.method).toBe('GET');
    expect(get.query.map((q) => `${q.key}=${q.value}`)).toEqual(['q=hello', 'lang=en']);
  });

  it('keeps secrets out of the step: bearer and basic become credential references', () => {
    const bearer = parseCurl(`curl https://x.test -H 'Authorization: Bearer sk_live_123'`);
    expect(bearer.bearerToken).toBe('sk_live_123');
    expect(JSON.stringify(bearer.step)).not.toContain('sk_live_123');
    expect(bearer.step.auth).toEqual({ type: 'bearer', token: '{{credentials.api_token}}' });
    const basic = parseCurl('curl -u alice:s3cret https://x.test');
    expect(basic.basicAuth).toEqual({ username: 'alice', password: 's3cret' });
    expect(JSON.stringify(basic.step)).not.toContain('s3cret');
  });

  it('explains what is wrong with unsupported input', () => {
    expect(() => parseCurl('wget https://x.test')).toThrow(/start with "curl"/);
    expect(() => parseCurl('curl -X POST')).toThrow(/no URL/);
    expect(() => parseCurl('curl --upload-file f https://x.test')).toThrow(/--upload-file is not supported/);
    expect(() => parseCurl('curl -H NoColon https://x.test')).toThrow(/header/);
  });
});
