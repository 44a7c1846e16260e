/**
 * The request and response parts of a step record, built only from redacted data and
 * with bodies capped, so nothing secret or huge ever reaches a record or an event.
 */
import type { Redactor } from '../redaction/createRedactor.js';
import type { TransportResponse } from '../ports/index.js';
import { EXECUTOR_DEFAULTS } from './limits.js';
import type { RecordedRequest, RecordedResponse } from './types.js';

const encoder = new TextEncoder();

function cap(text: string): { text: string; truncated: boolean } {
  const limit = EXECUTOR_DEFAULTS.RECORD_BODY_CAP_BYTES;
  if (text.length <= limit / 4 || encoder.encode(text).byteLength <= limit) return { text, truncated: false };
  // Cut by characters close to the byte cap; exact byte slicing could split a character.
  let cut = text.slice(0, limit);
  while (encoder.encode(cut).byteLength > limit) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return { text: cut, truncated: true };
}

export function recordRequest(request: { method: string; url: string; headers: Record<string, string>; body?: string | undefined }, redactor: Redactor): RecordedRequest {
  return {
    method: request.method,
    url: redactor.redactText(request.url),
    headers: redactor.redactHeaders(request.headers),
    ...(request.body !== undefined ? { body: cap(redactor.redactText(request.body)).text } : {}),
  };
}

export function recordResponse(response: TransportResponse, redactor: Redactor, logResponseData: boolean): RecordedResponse {
  const recorded: RecordedResponse = {
    status: response.status,
    headers: redactor.redactHeaders(response.headers),
    sizeBytes: encoder.encode(response.bodyText).byteLength,
  };
  if (logResponseData) {
    const { text, truncated } = cap(redactor.redactText(response.bodyText));
    recorded.body = text;
    if (truncated) recorded.bodyTruncated = true;
  }
  return recorded;
}
