import { describe, expect, it } from 'vitest';
import { validateConnector } from '#core';
import { parseCurl } from '../curl/parseCurl.js';
import { connectorFromStep } from './newConnector.js';

describe('connectorFromStep', () => {
  it('turns a cURL command with a bearer token into a valid one-step connector that only references the secret', () => {
    const { step, bearerToken } = parseCurl("curl https://api.example.com/v1/people?email=a%40b.c -H 'Authorization: Bearer sk_live_topsecret'");
    expect(bearerToken).toBe('sk_live_topsecret');
    const doc = connectorFromStep(step, 'People');
    expect(doc.steps).toHaveLength(1);
    expect(doc.credentials.map((c) => c.name)).toEqual(['api_token']);
    expect(validateConnector(doc).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('sk_live_topsecret');
  });
});
