import { describe, expect, it } from 'vitest';
import { createMockTransport, runConnector, validateConnector } from '#core';
import { parseCurl } from '../curl/parseCurl.js';
import { STARTERS } from './starters.js';
import { connectorFromStep, STARTER_DOCUMENTS } from './newConnector.js';

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

const SAMPLE_INPUTS: Record<string, string> = { phone: '+15551234567', email: 'ada@example.com' };

describe('starters', () => {
  it('lists a document for every starter the dashboard offers', () => {
    expect(Object.keys(STARTER_DOCUMENTS).sort()).toEqual(STARTERS.map((s) => s.id).sort());
  });

  // A new user picks a starter and presses Run: the default mode is Mock, so each step must answer.
  it.each(STARTERS.map((s) => s.id))('%s validates and runs in Mock mode to a filled contact', async (id) => {
    const connector = STARTER_DOCUMENTS[id]();
    expect(validateConnector(connector).issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const inputs = Object.fromEntries(connector.inputs.map((input) => [input.name, SAMPLE_INPUTS[input.name] ?? 'x']));
    const record = await runConnector(connector, { inputs, transport: createMockTransport(connector), secrets: { get: (name) => `offline-${name}` } });
    expect(record.error).toBeUndefined();
    expect(record.status).toBe('success');
    expect(record.steps.map((s) => s.status)).toEqual(connector.steps.map(() => 'success'));
    for (const mapping of connector.fieldMappings) expect(record.contact[mapping.target]).not.toBeNull();
  });

  it('gives the phone lookup\'s parallel steps their canned contact and company', async () => {
    const connector = STARTER_DOCUMENTS['phone-lookup']();
    const record = await runConnector(connector, { inputs: { phone: '+15551234567' }, transport: createMockTransport(connector), secrets: { get: () => undefined } });
    expect(record.contact).toEqual({ first_name: 'Ada', company: 'Analytical Engines Ltd' });
  });
});
