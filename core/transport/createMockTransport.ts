/**
 * The offline sandbox: answers each step with the canned response its kind keeps for it (the HTTP
 * kind: the step's `mock`: status, headers, body, latency) or its fault (`timeout` never answers,
 * `reset` drops the connection). OAuth token requests get a synthetic token so connectors with
 * OAuth run offline too. A kind that sends no request never reaches here (the executor runs it
 * without a transport).
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { Connector } from '../schema/connector.js';
import { abortReason, systemClock, type Clock, type HttpTransport, type TransportRequest, type TransportResponse } from '../ports/index.js';
import { OAUTH_TOKEN_STEP_ID } from '../auth/oauthTokenCache.js';
import { STEP_KINDS, type StepKindRegistry } from '../steps/registry.js';

export interface MockTransportOptions {
  clock?: Clock;
  /** The step kinds of the connector (default: the app's); the same registry the run uses. */
  stepKinds?: StepKindRegistry;
}

function never(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(abortReason(signal));
    signal.addEventListener('abort', () => reject(abortReason(signal)), { once: true });
  });
}

export function createMockTransport(connector: Connector, options: MockTransportOptions = {}): HttpTransport {
  const clock = options.clock ?? systemClock;
  const registry = options.stepKinds ?? STEP_KINDS;
  const steps = new Map(connector.steps.map((step) => [step.id, step]));

  return {
    async send(request: TransportRequest): Promise<TransportResponse> {
      if (request.stepId === OAUTH_TOKEN_STEP_ID) {
        return { status: 200, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify({ access_token: 'mock-access-token', token_type: 'Bearer', expires_in: 3600 }), url: request.url };
      }
      const step = steps.get(request.stepId);
      const use = step ? registry.kindOf(step).transport : undefined;
      if (step && use?.sends === 'none') {
        throw new ConnectorError('INTERNAL', `Step "${request.stepId}" is a "${step.kind}" step, which sends no request, but a request was made for it.`);
      }
      const mock = step && use?.sends === 'requests' ? use.mock(step) : undefined;
      if (!mock) {
        throw new ConnectorError('MOCK_MISSING', 'This step has no mock response.', {
          path: step && use?.sends === 'requests' ? `steps[${connector.steps.indexOf(step)}].${use.mockPath}` : undefined,
          hint: 'Add one in the step\'s Mock tab, or switch the run to live mode.',
        });
      }
      if (mock.latencyMs > 0) await clock.sleep(mock.latencyMs, request.signal);
      if (mock.fault === 'timeout') return never(request.signal);
      if (mock.fault === 'reset') {
        throw new ConnectorError('NETWORK_ERROR', `${request.method} ${request.url} failed: ECONNRESET: the server reset the connection (mock fault).`, {
          hint: 'This is the step\'s simulated "reset" fault; set the mock fault to "none" to get the canned response.',
        });
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(mock.headers)) headers[name.toLowerCase()] = value;
      let bodyText = '';
      if (typeof mock.body === 'string') bodyText = mock.body;
      else if (mock.body !== undefined) {
        bodyText = JSON.stringify(mock.body);
        headers['content-type'] ??= 'application/json';
      }
      if (bodyText.length > request.maxResponseBytes) {
        throw new ConnectorError('RESPONSE_TOO_LARGE', `The mock response of step "${request.stepId}" is larger than ${request.maxResponseBytes} bytes.`, { hint: 'Use a smaller mock body.' });
      }
      return { status: mock.status, headers, bodyText, url: request.url };
    },
  };
}
