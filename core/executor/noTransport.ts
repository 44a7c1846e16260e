/**
 * The transport a step kind that sends no request (`transport: { sends: 'none' }`) runs with, in
 * every mode: it refuses each request, so such a kind cannot reach the network, a mock or a
 * cassette by accident, and a mock or replay run needs no recording of it.
 */
import { ConnectorError } from '../errors/ConnectorError.js';
import type { HttpTransport } from '../ports/index.js';

export const noTransport: HttpTransport = {
  send(request) {
    return Promise.reject(new ConnectorError('INTERNAL', `Step "${request.stepId}" sends no request (its kind says so), but it tried to send ${request.method} ${request.url}.`));
  },
};
