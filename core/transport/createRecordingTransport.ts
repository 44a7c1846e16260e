/**
 * Wraps a live transport and records every attempt, redacted, into a cassette.
 * OAuth token responses have their tokens replaced, and the tokens are taught to the
 * redactor so later requests that carry them are redacted too.
 */
import { toConnectorError } from '../errors/ConnectorError.js';
import { OAUTH_TOKEN_STEP_ID } from '../auth/oauthTokenCache.js';
import { systemClock, type Clock, type HttpTransport } from '../ports/index.js';
import type { Redactor } from '../redaction/createRedactor.js';
import type { InputValue } from '../executor/types.js';
import type { Cassette, CassetteInteraction } from './cassette.js';

export interface CassetteDetails {
  clock?: Clock | undefined;
  /** The name of the environment the run used. */
  environment?: string | undefined;
  /** The run's inputs (redacted on the way in, like every interaction). */
  inputs?: Record<string, InputValue> | undefined;
}

export interface RecordingTransport extends HttpTransport {
  readonly interactions: readonly CassetteInteraction[];
  toCassette(connectorId: string, details?: CassetteDetails): Cassette;
}

const TOKEN_FIELDS = ['access_token', 'refresh_token', 'id_token'] as const;

function scrubTokenResponse(bodyText: string, redactor: Redactor): string {
  try {
    const parsed = JSON.parse(bodyText) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object') return bodyText;
    for (const field of TOKEN_FIELDS) {
      const value = parsed[field];
      if (typeof value === 'string') {
        redactor.addSecret(`oauth_${field}`, value);
        parsed[field] = `redacted-${field.replace('_', '-')}`;
      }
    }
    return JSON.stringify(parsed);
  } catch {
    return bodyText;
  }
}

export function createRecordingTransport(inner: HttpTransport, redactor: Redactor): RecordingTransport {
  const interactions: CassetteInteraction[] = [];
  return {
    interactions,
    async send(request) {
      const recordedRequest = {
        method: request.method,
        url: redactor.redactText(request.url),
        ...(request.matchUrl !== undefined ? { matchUrl: redactor.redactText(request.matchUrl) } : {}),
        headers: redactor.redactHeaders(request.headers),
        ...(request.body !== undefined ? { body: redactor.redactText(request.body) } : {}),
      };
      try {
        const response = await inner.send(request);
        const bodyText = request.stepId === OAUTH_TOKEN_STEP_ID ? scrubTokenResponse(response.bodyText, redactor) : response.bodyText;
        interactions.push({
          stepId: request.stepId,
          request: recordedRequest,
          response: { status: response.status, headers: redactor.redactHeaders(response.headers), bodyText: redactor.redactText(bodyText) },
        });
        return response;
      } catch (error) {
        interactions.push({ stepId: request.stepId, request: recordedRequest, error: redactor.redactValue(toConnectorError(error).toJSON()) });
        throw error;
      }
    },
    toCassette(connectorId, { clock = systemClock, environment, inputs } = {}) {
      return {
        version: 1, connectorId, recordedAt: new Date(clock.now()).toISOString(),
        ...(environment !== undefined ? { environment } : {}),
        ...(inputs !== undefined ? { inputs: redactor.redactValue(inputs) } : {}),
        interactions: interactions.map((interaction) => redactor.redactValue(interaction)),
      };
    },
  };
}
