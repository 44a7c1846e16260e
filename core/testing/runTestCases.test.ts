import { describe, expect, it } from 'vitest';
import { runTestCases } from './index.js';
import { makeConnector } from '../test-helpers/connectors.js';
import type { Cassette } from '../transport/cassette.js';

const steps = [
  { id: 'search', url: 'https://api.example.test/search?phone={{phone}}', outputs: [{ name: 'id', path: '$.results[0].id' }], mock: { body: { results: [{ id: 'c1' }] } } },
  { id: 'contact', url: 'https://api.example.test/contacts/{{search.id}}', outputs: [{ name: 'name', path: '$.name' }], mock: { body: { name: 'Ada' } } },
];

const cassette: Cassette = {
  version: 1,
  connectorId: 'test-connector',
  recordedAt: '2026-01-01T00:00:00.000Z',
  interactions: [
    { stepId: 'search', request: { method: 'GET', url: 'https://api.example.test/search?phone=%2B1555', headers: { authorization: 'Bearer {{credentials.token}}' } }, response: { status: 200, headers: {}, bodyText: '{"results":[{"id":"c9"}]}' } },
    { stepId: 'contact', request: { method: 'GET', url: 'https://api.example.test/contacts/c9', headers: {} }, response: { status: 200, headers: {}, bodyText: '{"name":"Grace"}' } },
  ],
};

describe('runTestCases', () => {
  const connector = makeConnector({
    inputs: [{ name: 'phone', type: 'phone', required: true }],
    auth: { type: 'bearer', token: '{{credentials.token}}' },
    steps,
    edges: [{ id: 'e', source: 'search', target: 'contact' }],
    fieldMappings: [{ source: 'contact.name', target: 'first_name' }],
    tests: [
      { name: 'mock passes', inputs: { phone: '+1555' }, expect: { status: 'success', steps: { search: 'success', contact: 'success' }, contact: { first_name: 'Ada' } } },
      { name: 'mock mismatches', inputs: { phone: '+1555' }, expect: { status: 'failed', steps: { contact: 'skipped', ghost: 'success' }, contact: { first_name: 'Bob' } } },
      { name: 'replay passes', mode: 'replay', cassette: 'cassettes/run.json', inputs: { phone: '+1555' }, expect: { steps: {}, contact: { first_name: 'Grace' } } },
      { name: 'replay without cassette file', mode: 'replay', cassette: 'cassettes/missing.json', inputs: { phone: '+1555' } },
    ],
  });
  const loadCassette = async (path: string) => {
    if (path === 'cassettes/run.json') return cassette;
    throw new Error(`ENOENT: ${path}`);
  };

  it('passes, fails with readable mismatches, replays cassettes offline, and reports a missing cassette', async () => {
    const results = await runTestCases(connector, { loadCassette });
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ['mock passes', true],
      ['mock mismatches', false],
      ['replay passes', true],
      ['replay without cassette file', false],
    ]);
    expect(results[1]?.mismatches).toEqual([
      'expected the run to be failed, it was success',
      'expected step "contact" to be skipped, it was success',
      'expected step "ghost" to be success, but the connector has no such step',
      'expected contact field "first_name" to be "Bob", got "Ada"',
    ]);
    expect(results[3]?.mismatches[0]).toMatch(/could not run: .*missing\.json/);
  });

  it('a replay that meets a request the cassette lacks fails naming it', async () => {
    const c = makeConnector({ ...connector, tests: [{ name: 'other phone', mode: 'replay', cassette: 'cassettes/run.json', inputs: { phone: '+1999' }, expect: { status: 'success' } }] });
    const [result] = await runTestCases(c, { loadCassette });
    expect(result?.passed).toBe(false);
    expect(result?.mismatches[0]).toMatch(/expected the run to be success, it was failed \(Step "search" failed: The cassette has no recording of this step's request: GET .*phone=\+1999/);
  });
});

describe('offline time', () => {
  it('latency and timeout faults cost no wall time: a hanging mock ends in a TIMEOUT after its retries, deterministically', async () => {
    const c = makeConnector({
      steps: [
        { id: 'slow', url: 'https://api.example.test/slow', mock: { latencyMs: 20_000, body: { ok: true } } },
        { id: 'hang', url: 'https://api.example.test/hang', timeoutMs: 10_000, maxRetries: 2, mock: { fault: 'timeout' } },
      ],
      edges: [{ id: 'e', source: 'slow', target: 'hang' }],
      tests: [{ name: 'hangs', expect: { status: 'failed', steps: { slow: 'success', hang: 'failed' } } }],
    });
    const [result] = await runTestCases(c, { loadCassette: async () => cassette });
    expect(result?.passed).toBe(true);
    const hang = result?.record?.steps[1];
    expect(hang?.attempts.map((a) => [a.durationMs, a.error?.code])).toEqual([[10_000, 'TIMEOUT'], [10_000, 'TIMEOUT'], [10_000, 'TIMEOUT']]);
    expect(result?.record?.steps[0]?.durationMs).toBe(20_000);
  });
});
