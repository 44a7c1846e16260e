/**
 * The ports through which the core touches the world. The host (desktop app, CLI,
 * a server job) injects implementations; the core never imports fs, process,
 * Electron or React.
 */
import { ConnectorError, isConnectorError, toConnectorError } from '../errors/ConnectorError.js';

/** One HTTP request as the core has fully prepared it (templates resolved, auth applied). */
export interface TransportRequest {
  stepId: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Already serialised. */
  body?: string | undefined;
  /** Per-attempt deadline and run cancellation, combined. */
  signal: AbortSignal;
  /** The transport must stop reading past this many bytes and throw RESPONSE_TOO_LARGE. */
  maxResponseBytes: number;
  /** The transport follows at most this many redirects (then TOO_MANY_REDIRECTS); 0 = don't follow. */
  maxRedirects: number;
  /**
   * Headers that carry a credential whatever their name (`Ocp-Apim-Subscription-Key: {{credentials.key}}`,
   * an api_key auth header): like Authorization and Cookie, they never follow a cross-origin redirect.
   */
  credentialHeaders?: readonly string[] | undefined;
  /**
   * When the step's URL uses environment variables: the URL with them left as `{{env.x}}`.
   * Cassettes record and match on it, so a recording replays under any environment.
   */
  matchUrl?: string | undefined;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string>;
  /** The raw body text (possibly empty). */
  bodyText: string;
  /** The URL that finally answered, after redirects. */
  url: string;
}

/** Sends one request. Throws ConnectorError (NETWORK_ERROR, TIMEOUT, CANCELLED, …) on failure. */
export interface HttpTransport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with CANCELLED when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Resolves `{{credentials.name}}` references. Returns undefined when unknown. */
export interface SecretResolver {
  get(name: string): Promise<string | undefined> | string | undefined;
  /** Stores a new value (an auth kind's refreshed token set). Absent where credentials are read-only. */
  set?(name: string, value: string): Promise<void> | void;
}

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The error an aborted signal stands for: the ConnectorError the aborter gave as its
 * reason (TIMEOUT for a deadline, CANCELLED for a user), TIMEOUT for AbortSignal.timeout(),
 * CANCELLED otherwise. One answer for the clock, the transports and the executor.
 */
export function abortReason(signal: AbortSignal): ConnectorError {
  const reason: unknown = signal.reason;
  if (isConnectorError(reason)) return toConnectorError(reason);
  if (reason instanceof Error && reason.name === 'TimeoutError') return new ConnectorError('TIMEOUT', 'The request timed out.', { cause: reason });
  return new ConnectorError('CANCELLED', 'The run was cancelled.', { cause: reason });
}

/** The real clock (timers of the host). Tests inject a fake one instead. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortReason(signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
