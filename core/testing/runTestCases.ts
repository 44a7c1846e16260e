/**
 * Runs the test cases stored with a connector, offline: `mock` cases use the steps'
 * canned responses, `replay` cases a recorded cassette. Credentials are never needed:
 * each `{{credentials.name}}` resolves to its own placeholder, which is also what
 * cassettes hold. `{{env.x}}` reads the case's environment when the caller knows it (its
 * non-secret variables), else stands for itself, `{{env.x}}`, which is also what replay
 * matches on. Each case reports readable mismatches.
 */
import { ConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { runConnector } from '../executor/runConnector.js';
import type { ExecutionRecord, RunEnvironment, RunOptions } from '../executor/types.js';
import { offlineEnvironment } from '../environments/placeholders.js';
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
  /** The environment the case names, else the one its cassette was recorded in. */
  environment?: string | undefined;
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
  /** The workspace's environment of that name (non-secret variables only), or undefined. */
  environment?(name: string): RunEnvironment | undefined;
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

async function transportFor(connector: Connector, testCase: TestCase, options: RunTestCasesOptions, clock: Clock): Promise<{ transport: HttpTransport; recordedIn?: string | undefined }> {
  if (testCase.mode === 'mock') return { transport: createMockTransport(connector, { clock }) };
  if (!testCase.cassette) {
    throw new ConnectorError('MOCK_MISSING', `The replay test "${testCase.name}" names no cassette.`, { hint: 'Record a cassette (connector-studio run --mode live --record) and set the test\'s "cassette" to its path, or switch the test to mock mode.' });
  }
  const cassette = await options.loadCassette(testCase.cassette);
  if (!isCassette(cassette)) {
    throw new ConnectorError('MOCK_MISSING', `${testCase.cassette} is not a cassette (version 1).`, { hint: 'Record the cassette again.' });
  }
  return { transport: createReplayTransport(cassette), recordedIn: cassette.environment };
}

/** The case's environment with placeholders for what it lacks (secrets are never read here). */
function environmentFor(connector: Connector, name: string | undefined, options: RunTestCasesOptions): { environment?: RunEnvironment } {
  const known = name ? options.environment?.(name) : undefined;
  const environment = offlineEnvironment(connector, known ? { name: known.name, variables: known.variables } : name ? { name, variables: {} } : undefined);
  return environment ? { environment } : {};
}

export async function runTestCases(connector: Connector, options: RunTestCasesOptions): Promise<TestCaseResult[]> {
  const results: TestCaseResult[] = [];
  for (const testCase of connector.tests) {
    if (options.only && !options.only.includes(testCase.name)) continue;
    let environment = testCase.environment;
    try {
      const clock = options.clock ?? createVirtualClock();
      const { transport, recordedIn } = await transportFor(connector, testCase, options, clock);
      environment = testCase.environment ?? recordedIn;
      const runOptions: RunOptions = { inputs: testCase.inputs, transport, secrets: placeholderSecrets, random: () => 0, clock, ...environmentFor(connector, environment, options) };
      const record = await runConnector(connector, runOptions);
      const mismatches = compareExpectations(testCase, record);
      results.push({ name: testCase.name, mode: testCase.mode, ...(environment ? { environment } : {}), passed: mismatches.length === 0, mismatches, record });
    } catch (thrown) {
      const error = toConnectorError(thrown);
      results.push({ name: testCase.name, mode: testCase.mode, ...(environment ? { environment } : {}), passed: false, mismatches: [`could not run: ${error.message}`], error: error.toJSON() });
    }
  }
  return results;
}
