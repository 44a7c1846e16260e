/**
 * findLiteralSecrets / moveLiteralSecret: a literal key in a header, query parameter or URL
 * is found (with the publish check's detectors), and moving it leaves only a credential
 * reference wherever it was pasted; templates and ordinary values are left alone.
 */
import { describe, expect, it } from 'vitest';
import { parseConnector, type Connector } from '../index.js';
import { findLiteralSecrets, moveLiteralSecret } from './literalSecrets.js';
import { scanConnectorForSecrets } from './scanSecrets.js';

const TOKEN = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const RANDOM = 'q8Zr2Lw9Tx4Vb7Nm3Kp6Hs1Jd5Fg0Ac';

const connector = (step: Record<string, unknown>, extra: Record<string, unknown> = {}): Connector =>
  parseConnector({ schemaVersion: 2, id: 'c', name: 'Phone lookup', inputs: [{ name: 'email' }], steps: [{ id: 'lookup', url: 'https://api.example.com/v1/{{email}}', ...step }], edges: [], ...extra });

describe('findLiteralSecrets', () => {
  it('finds a bearer token in the Authorization header and suggests api_token', () => {
    const found = findLiteralSecrets(connector({ headers: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }] }));
    expect(found).toEqual([{ path: 'steps[0].headers[0].value', where: 'the "Authorization" header of step lookup', secret: TOKEN, suggestedName: 'api_token' }]);
  });

  it('finds a literal in a sensitive header even when it is not random-looking', () => {
    expect(findLiteralSecrets(connector({ headers: [{ key: 'X-Api-Key', value: 'letmein-please' }] }))[0]).toMatchObject({ secret: 'letmein-please', suggestedName: 'x_api_key' });
  });

  it('finds a random key in a query parameter and in the URL', () => {
    expect(findLiteralSecrets(connector({ query: [{ key: 'api_key', value: RANDOM }] }))[0]).toMatchObject({ path: 'steps[0].query[0].value', secret: RANDOM, suggestedName: 'api_key' });
    expect(findLiteralSecrets(connector({ url: `https://api.example.com/v1/lookup?key=${RANDOM}` }))[0]).toMatchObject({ path: 'steps[0].url', where: 'the URL of step lookup', secret: RANDOM });
  });

  it('finds a key pasted in the body, as the publish check does, and names a form field\'s credential after it', () => {
    expect(findLiteralSecrets(connector({ method: 'POST', body: { type: 'json', value: { auth: { key: RANDOM }, email: '{{email}}' } } }))).toEqual([
      { path: 'steps[0].body.value', where: 'the body of step lookup', secret: RANDOM, suggestedName: 'api_key' },
    ]);
    expect(findLiteralSecrets(connector({ method: 'POST', body: { type: 'form', fields: [{ key: 'client_secret', value: TOKEN }] } }))[0]).toMatchObject({ path: 'steps[0].body.fields[0].value', suggestedName: 'client_secret' });
    const doc = connector({ method: 'POST', body: { type: 'raw', text: `token=${RANDOM}` } });
    expect(scanConnectorForSecrets(doc).map((f) => f.path)).toEqual(['steps[0].body.text']);
    expect(findLiteralSecrets(doc).map((f) => f.path)).toEqual(['steps[0].body.text']);
  });

  it('leaves credential references, variables and ordinary values alone', () => {
    expect(findLiteralSecrets(connector({
      headers: [{ key: 'Authorization', value: 'Bearer {{credentials.api_token}}' }, { key: 'Accept', value: 'application/json' }],
      query: [{ key: 'email', value: '{{email}}' }, { key: 'limit', value: '10' }],
    }, { credentials: [{ name: 'api_token' }] }))).toEqual([]);
  });

  it('agrees with the publish check: every header/query/URL finding of the one is found by the other', () => {
    const doc = connector({ headers: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }], query: [{ key: 'k', value: RANDOM }] });
    const published = scanConnectorForSecrets(doc).filter((f) => /headers|query|url/.test(f.path)).map((f) => f.path);
    expect(new Set(findLiteralSecrets(doc).map((f) => f.path))).toEqual(new Set(published));
  });
});

describe('moveLiteralSecret', () => {
  it('replaces the value everywhere it was pasted and declares the credential', () => {
    const doc = connector({ headers: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }], query: [{ key: 'token', value: TOKEN }] });
    const [found] = findLiteralSecrets(doc);
    const moved = moveLiteralSecret(doc, found!, 'api_token');
    expect(moved.steps[0]!.headers[0]!.value).toBe('Bearer {{credentials.api_token}}');
    expect(moved.steps[0]!.query[0]!.value).toBe('{{credentials.api_token}}');
    expect(moved.credentials).toEqual([{ name: 'api_token', label: 'Moved from the "Authorization" header of step lookup' }]);
    expect(JSON.stringify(moved)).not.toContain(TOKEN);
    expect(findLiteralSecrets(parseConnector(moved))).toEqual([]);
  });

  it('picks a name not already declared by the connector', () => {
    const doc = connector({ headers: [{ key: 'Authorization', value: `Bearer ${TOKEN}` }] }, { credentials: [{ name: 'api_token' }] });
    expect(findLiteralSecrets(doc)[0]!.suggestedName).toBe('api_token_2');
  });
});
