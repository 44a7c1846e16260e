/**
 * Issue 10 §1: the interchange corpus (tests/fixtures/interchange, see its README). Each file
 * imports, validates with no error, runs against the local sandbox on 127.0.0.1 over real HTTP,
 * and exports back equal to itself under the documented normalisation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportInterchange, importInterchange, loadConnectorDocument, runConnector, validateConnector, type InputValue } from '#core';
import { normaliseInterchange, secretsFrom } from '#core/test-helpers';
import { createNodeTransport } from '../../host/http/createNodeTransport.js';
import { CORPUS_CREDENTIALS, startCorpusSandbox, type CorpusSandbox } from '../fixtures/interchange/sandbox.js';

const DIR = new URL('../fixtures/interchange/', import.meta.url);
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** What each file's run does against the sandbox: its status, step statuses and the mapped contact. */
const EXPECTED: Record<string, { inputs?: (origin: string) => Record<string, InputValue>; status: 'success' | 'failed'; steps?: Record<string, string>; attempts?: Record<string, number>; contact: Record<string, unknown> }> = {
  'seed-q1-conditional-step.json': { status: 'success', steps: { step_2: 'success', step_3: 'success' }, contact: {} },
  'seed-q2-parallel-merge.json': { status: 'success', steps: { step_1: 'success', step_2a: 'success', step_2b: 'success', step_2c: 'success', step_3: 'success' }, contact: { address: '1 MAIN ST #4' } },
  'seed-template-install-connector.json': { inputs: () => ({ phone: '+15551234567' }), status: 'success', contact: { first_name: 'Ada', company: 'Acme' } },
  'rule-01-single-step.json': { inputs: () => ({ phone: '+15551234567' }), status: 'success', contact: { phone: '+15551234567' } },
  'rule-02-templates.json': { inputs: () => ({ email: 'ada@acme.example' }), status: 'success', contact: { notes: 'number', title: 'n=42', auth_seen: 'api_key_header' } },
  'rule-03-url-encoding.json': {
    inputs: (origin) => ({ base: `${origin}/api.example.com`, email: 'ada+crm@acme.example', address: '1 Main St #4 / Flat ?2' }),
    status: 'success', contact: { email: 'ada+crm@acme.example', address: '1 Main St #4 / Flat ?2' },
  },
  'rule-04-outputs.json': { status: 'success', contact: { crm_id: 'c_1' } },
  'rule-05-request-fields.json': { inputs: () => ({ phone: '+15551234567' }), status: 'success', contact: { notes: 'phone=%2B15551234567&flag=', title: 'corpus', raw_body: 'phone=+15551234567', phone_type: 'string' } },
  'rule-06-auth.json': { status: 'success', contact: { auth_bearer: 'bearer', auth_header: 'api_key_header', auth_query: 'api_key_query', auth_basic: 'basic', auth_none: 'none' } },
  'rule-07-series-parallel-conditions.json': { status: 'success', steps: { step_1: 'success', step_2a: 'success', step_2b: 'skipped', step_3: 'success' }, contact: { company: 'Acme', notes: '/echo' } },
  'rule-08-field-mappings.json': { status: 'success', contact: { first_name: 'Ada', linkedin_url: 'https://linkedin.example/ada', lead_score: 87 } },
  // continue_on_error: the run succeeds though step_1 failed (after 1 + max_retries attempts).
  'rule-09-settings.json': { status: 'success', steps: { step_1: 'failed', step_2: 'success' }, attempts: { step_1: 2 }, contact: { notes: '/echo' } },
};

let sandbox: CorpusSandbox;
const transport = createNodeTransport();
beforeAll(async () => {
  sandbox = await startCorpusSandbox();
});
afterAll(() => sandbox.close());

describe('the interchange corpus', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    expect(FILES).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(FILES)('%s', (file) => {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    const raw = JSON.parse(text) as unknown;

    it('imports and validates with no error', () => {
      const connector = importInterchange(raw);
      expect(validateConnector(connector).issues.filter((i) => i.severity === 'error')).toEqual([]);
    });

    it('runs against the local sandbox', async () => {
      const expected = EXPECTED[file]!;
      const connector = loadConnectorDocument(JSON.parse(sandbox.localise(text)));
      const record = await runConnector(connector, { inputs: expected.inputs?.(sandbox.origin) ?? {}, transport, secrets: secretsFrom(CORPUS_CREDENTIALS) });
      expect(record.status, JSON.stringify(record.steps.map((s) => [s.id, s.status, s.error?.message]))).toBe(expected.status);
      if (expected.steps) expect(Object.fromEntries(record.steps.map((s) => [s.id, s.status]))).toEqual(expected.steps);
      for (const [id, n] of Object.entries(expected.attempts ?? {})) expect(record.steps.find((s) => s.id === id)?.attempts).toHaveLength(n);
      expect({ ...record.contact }).toEqual(expected.contact);
    });

    it('exports back equal (normalised)', () => {
      expect(normaliseInterchange(exportInterchange(importInterchange(raw)))).toEqual(normaliseInterchange(raw));
    });
  });
});
