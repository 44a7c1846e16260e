/**
 * The one error type of the core. `code` is a closed set so that callers (the CLI,
 * the host, the renderer across IPC) can branch on it; `name` survives serialisation.
 */
export const CONNECTOR_ERROR_CODES = [
  'INVALID_DOCUMENT', // the connector file or document does not match the schema
  'INVALID_EXPRESSION', // a condition failed to parse or uses something forbidden
  'INVALID_TEMPLATE', // a {{…}} template is malformed or references an unknown variable
  'INVALID_JSONPATH', // an output path is malformed or unsafe
  'UNSUPPORTED_EXPORT', // the graph cannot be written in the interchange format
  'MISSING_CREDENTIAL', // a referenced credential has no value
  'MISSING_INPUT', // a required input was not given
  'HTTP_ERROR', // the API answered with a non-2xx status
  'NETWORK_ERROR', // connection refused, reset, DNS failure
  'ADDRESS_BLOCKED', // the URL resolves to an address the host may not call (server runs: internal networks); never retried
  'TIMEOUT', // an attempt or the whole execution ran out of time
  'RATE_LIMITED', // the rate limit is reached and the strategy is `fail`
  'RESPONSE_TOO_LARGE', // the body exceeded the size cap
  'TOO_MANY_REDIRECTS',
  'CANCELLED', // the caller aborted the run
  'MOCK_MISSING', // mock or replay mode found no canned response for a request
  'INTERNAL',
] as const;
export type ConnectorErrorCode = (typeof CONNECTOR_ERROR_CODES)[number];

export interface ConnectorErrorOptions {
  /** Where in the document, e.g. `steps[1].url`. */
  path?: string;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
  /** INVALID_DOCUMENT: every problem found, for callers that list them (the message has them as text). */
  issues?: readonly ConnectorErrorIssue[];
}

/** One problem of an INVALID_DOCUMENT error (the validator's ValidationIssue). */
export interface ConnectorErrorIssue {
  path: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
  stepId?: string;
  edgeId?: string;
}

export class ConnectorError extends Error {
  override name = 'ConnectorError' as const;
  readonly code: ConnectorErrorCode;
  readonly path: string | undefined;
  readonly hint: string | undefined;
  readonly issues: readonly ConnectorErrorIssue[] | undefined;

  constructor(code: ConnectorErrorCode, message: string, options: ConnectorErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
    this.hint = options.hint;
    this.issues = options.issues;
  }

  toJSON(): SerializedConnectorError {
    return { name: this.name, code: this.code, message: this.message, path: this.path, hint: this.hint, ...(this.issues ? { issues: [...this.issues] } : {}) };
  }
}

export interface SerializedConnectorError {
  name: 'ConnectorError';
  code: ConnectorErrorCode;
  message: string;
  path?: string | undefined;
  hint?: string | undefined;
  issues?: ConnectorErrorIssue[] | undefined;
}

/** Checks `name` as well as `instanceof`, so errors that crossed IPC still match. */
export function isConnectorError(value: unknown): value is ConnectorError {
  return value instanceof ConnectorError || (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'ConnectorError');
}

/** Turns any thrown value into a ConnectorError (the one normaliser used at every boundary). */
export function toConnectorError(value: unknown): ConnectorError {
  if (value instanceof ConnectorError) return value;
  if (isConnectorError(value)) {
    const v = value as SerializedConnectorError;
    return new ConnectorError(v.code, v.message, { path: v.path, hint: v.hint, ...(v.issues ? { issues: v.issues } : {}) });
  }
  if (value instanceof Error && value.name === 'AbortError') return new ConnectorError('CANCELLED', 'The run was cancelled.', { cause: value });
  const message = value instanceof Error ? value.message : String(value);
  return new ConnectorError('INTERNAL', message, { cause: value });
}
