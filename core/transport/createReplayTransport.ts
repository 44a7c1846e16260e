/**
 * Replays a cassette with no network: requests are matched by step id, method and URL
 * (credential values normalised to their `{{credentials.name}}` placeholders, percent-
 * escapes decoded; for a step whose URL uses environment variables, the URL with them as
 * `{{env.x}}`, so a cassette recorded against one environment replays under any). Repeated requests get the recorded answers in order (a recorded
 * 503-then-200 retry replays the same way); the last one repeats.
 */
import { ConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { abortReason, type HttpTransport } from '../ports/index.js';
import type { Redactor } from '../redaction/createRedactor.js';
import { interactionKey, normaliseUrl, type Cassette, type CassetteInteraction } from './cassette.js';

export interface ReplayTransportOptions {
  /** Redacts live credential values in incoming URLs so they match the recording. */
  redactor?: Redactor;
}

export function createReplayTransport(cassette: Cassette, options: ReplayTransportOptions = {}): HttpTransport {
  const byKey = new Map<string, CassetteInteraction[]>();
  for (const interaction of cassette.interactions) {
    const key = interactionKey(interaction.stepId, interaction.request.method, interaction.request.matchUrl ?? interaction.request.url);
    byKey.set(key, [...(byKey.get(key) ?? []), interaction]);
  }
  const served = new Map<string, number>();

  return {
    async send(request) {
      if (request.signal.aborted) throw abortReason(request.signal);
      const asSent = request.matchUrl ?? request.url;
      const url = options.redactor ? options.redactor.redactText(asSent) : asSent;
      const key = interactionKey(request.stepId, request.method, url);
      const recorded = byKey.get(key);
      if (!recorded || recorded.length === 0) {
        const known = cassette.interactions.filter((i) => i.stepId === request.stepId).map((i) => `${i.request.method} ${normaliseUrl(i.request.matchUrl ?? i.request.url)}`);
        throw new ConnectorError('MOCK_MISSING', `The cassette has no recording of this step's request: ${request.method} ${normaliseUrl(url)}.${known.length ? ` It has: ${known.join(', ')}.` : ''}`, {
          hint: 'Record the cassette again (the request changed since it was recorded), or run in mock or live mode.',
        });
      }
      const count = served.get(key) ?? 0;
      served.set(key, count + 1);
      const interaction = recorded[Math.min(count, recorded.length - 1)] as CassetteInteraction;
      if (interaction.error) throw toConnectorError(interaction.error);
      const response = interaction.response ?? { status: 200, headers: {}, bodyText: '' };
      return { status: response.status, headers: { ...response.headers }, bodyText: response.bodyText, url: request.url };
    },
  };
}
