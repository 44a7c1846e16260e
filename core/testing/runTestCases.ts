/**
 * Runs the test cases stored with a connector, offline: `mock` cases use the steps'
 * canned responses, `replay` cases a recorded cassette. Credentials are never needed:
 * each `{{credentials.name}}` resolves to its own placeholder, which is also what
 * cassettes hold. Each case reports readable mismatches.
 */
import { ConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { runConnector } from '../executor/runConnector.js';
import type { ExecutionRecord, RunOptions } from '../executor/types.js';
import type { Clock, HttpTransport, SecretResolver } from '../ports/index.js';
import { credentialPlaceholder } from '../redaction/createRedactor.js';
import type { Connector, TestCase } from '../schema/connector.js';
import type { Cassette } from '../transport/cassette.js';
import { isCassette } from '../transport/cassette.js';
import { createMockTransport } from '../transport/createMockTransport.js';
import { createReplayTransport } from '../transport/createReplayTransport.js';
import { createVirtualClock } from './createVirtualClock.js';

export interface TestCaseResult {
  name: string;
  mode: TestCase['mode'];
  passed: boolean;
  /** One line per expectation that did not hold. */
  mismatches: string[];
  record?: ExecutionRecord | undefined;
  /** Set when the case could not run at all (e.g. its cassette is missing). */
  error?: ReturnType<ConnectorError['toJSON']> | undefined;
}

export interface RunTestCasesOptions {
  loadCassette(path: string): Promise<Cassette>;
  /** Default: a virtual clock per case (latency and timeout faults cost no wall time). */
  clock?: Clock;
  /** Only the cases with these names. */
  only?: string[];
}

const placeholderSecrets: SecretResolver = { get: (name) => credentialPlaceholder(name) };

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function compareExpectations(testCase: TestCase, record: ExecutionRecord): string[] {
  const mismatches: string[] = [];
  const expected = testCase.expect;
  if (expected.status && expected.status !== record.status) {
    mismatches.push(`expected the run to be ${expected.status}, it was ${record.status}${record.error ? ` (${record.error.message})` : ''}`);
  }
  for (const [stepId, status] of Object.entries(expected.steps)) {
    const step = record.steps.find((s) => s.id === stepId);
    if (!step) mismatches.push(`expected step "${stepId}" to be ${status}, but the connector has no such step`);
    else if (step.status !== status) {
      const why = step.status === 'skipped' ? ` (${step.skipReason ?? 'skipped'})` : step.error ? ` (${step.error.message})` : '';
      mismatches.push(`expected step "${stepId}" to be ${status}, it was ${step.status}${why}`);
    }
  }
  for (const [field, value] of Object.entries(expected.contact)) {
    const actual = record.contact[field];
    if (!sameValue(actual, value)) mismatches.push(`expected contact field "${field}" to be ${show(value)}, got ${show(actual)}`);
  }
  return mismatches;
}

async function transportFor(connector: Connector, testCase: TestCase, options: RunTestCasesOptions, clock: Clock): Promise<HttpTransport> {
  if (testCase.mode === 'mock') return createMockTransport(connector, { clock });
  if (!testCase.cassette) {
    throw new ConnectorError('MOCK_MISSING', `The replay test "${testCase.name}" names no cassette.`, { hint: 'Record a cassette (connector-studio run --mode live --record) and set the test\'s "cassette" to its path, or switch the test to mock mode.' });
  }
  const cassette = await options.loadCassette(testCase.cassette);
  if (!isCassette(cassette)) {
    throw new ConnectorError('MOCK_MISSING', `${testCase.cassette} is not a cassette (version 1).`, { hint: 'Record the cassette again.' });
  }
  return createReplayTransport(cassette);
}

export async function runTestCases(connector: Connector, options: RunTestCasesOptions): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = [];
  for (const testCase of connector.tests) {
    if (options.only && !options.only.includes(testCase.name)) continue;
    try {
      const clock = options.clock ?? createVirtualClock();
      const runOptions: RunOptions = { inputs: testCase.inputs, transport: await transportFor(connector, testCase, options, clock), secrets: placeholderSecrets, random: () => 0, clock };
      const record = await runConnector(connector, runOptions);
      const mismatches = compareExpectations(testCase, record);
      results.push({ name: testCase.name, mode: testCase.mode, passed: mismatches.length === 0, mismatches, record });
    } catch (thrown) {
      const error = toConnectorError(thrown);
      results.push({ name: testCase.name, mode: testCase.mode, passed: false, mismatches: [`could not run: ${error.message}`], error: error.toJSON() });
    }
  }
  return results;
}
