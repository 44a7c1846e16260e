/**
 * Runs one step: builds its request, then makes attempts until one succeeds, the error is
 * not retryable, the retry budget (maxRetries + 1 attempts, rate-limit waits included in
 * no extra attempt) is spent, or the run stops. Returns a redacted StepRecord.
 */
import { ConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { applyAuth, refreshAfterUnauthorized, type AuthContext, type AuthorizedRequest } from '../auth/applyAuth.js';
import type { OAuthTokenCache } from '../auth/oauthTokenCache.js';
import { abortReason, type Clock, type HttpTransport, type TransportResponse } from '../ports/index.js';
import type { Redactor } from '../redaction/createRedactor.js';
import type { Connector, Step } from '../schema/connector.js';
import { stepInProse } from '../validation/location.js';
import { interpolateToString } from '../template/interpolate.js';
import type { Scope } from '../template/scope.js';
import type { AttemptSignals } from './attemptSignals.js';
import { buildRequest, type PreparedRequest } from './buildRequest.js';
import { extractOutputs } from './extractOutputs.js';
import { replayUrlFor } from '../environments/replayUrl.js';
import { EXECUTOR_DEFAULTS } from './limits.js';
import { recordRequest, recordResponse } from './recordParts.js';
import { backoffDelay, mayRetry, parseRetryAfter } from './retryPolicy.js';
import { startTimer } from './startTimer.js';
import type { AttemptRecord, RateLimiterRegistry, RecordDetail, RecordedRequest, RecordedResponse, RetryReason, RunEvent, StepRecord } from './types.js';

export interface StepContext {
  runId: string;
  connector: Connector;
  transport: HttpTransport;
  clock: Clock;
  random: () => number;
  redactor: Redactor;
  rateLimiter: RateLimiterRegistry;
  rateLimitKey: string;
  tokenCache: OAuthTokenCache;
  /** The auth kinds' token sessions (see AuthContext.sessions). */
  authSessions: Map<string, unknown>;
  /** Writes a refreshed credential back to where the run's credentials come from, when it can. */
  saveCredential?: ((name: string, value: string) => Promise<void>) | undefined;
  /** Aborts when the run stops (cancelled, timed out, or failed elsewhere). */
  signal: AbortSignal;
  /** Per-attempt signals that follow `signal` (see attemptSignals.ts). */
  attemptSignals: AttemptSignals;
  /** Clock time the run must end by; no backoff may go beyond it. */
  deadlineAt: number;
  maxResponseBytes: number;
  maxRedirects: number;
  /** 'summary' leaves request/response out of the record (see RunOptions.recordDetail). */
  recordDetail: RecordDetail;
  /** Undefined when nobody listens: call it as `emit?.(…)`, so no event is even built. */
  emit: ((event: RunEvent) => void) | undefined;
}

export interface StepResult {
  status: 'success' | 'failed';
  outputs: Record<string, unknown>;
  record: StepRecord;
  error?: ConnectorError;
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return 'Check the credential this step uses and that it has access to this endpoint.';
  if (status === 404) return 'Check the URL and the ids inserted into it (a previous step may have found nothing).';
  if (status === 429) return 'The API is rate limiting: lower the connector\'s rate limit or retry later.';
  if (status >= 500) return 'The API is having trouble; it was retried if the method allows it. Try again later.';
  if (status >= 300 && status < 400) return 'The API answered with a redirect that was not followed; call the final URL directly.';
  return 'Check the request (body, query and headers) against the API documentation.';
}

function httpError(request: RecordedRequest, response: RecordedResponse): ConnectorError {
  const snippet = response.body ? `: ${response.body.slice(0, 300)}` : '';
  return new ConnectorError('HTTP_ERROR', `${request.method} ${request.url} answered ${response.status}${snippet}`, { hint: statusHint(response.status) });
}

const nullOutputs = (step: Step) => Object.fromEntries(step.outputs.map((output) => [output.name, null]));

export async function runStep(step: Step, scope: Scope, context: StepContext): Promise<StepResult> {
  const { clock, connector, redactor } = context;
  const settings = connector.settings;
  const startedAt = clock.now();
  const attempts: AttemptRecord[] = [];
  const warnings: string[] = [];
  const full = context.recordDetail !== 'summary';
  let lastRequest: RecordedRequest | undefined;
  let lastResponse: RecordedResponse | undefined;
  // In summary mode the request is redacted only when an HTTP error message needs it.
  let sentRequest: { method: string; url: string; headers: Record<string, string>; body?: string | undefined } | undefined;

  const finish = (status: 'success' | 'failed', outputs: Record<string, unknown>, error?: ConnectorError): StepResult => {
    const finishedAt = clock.now();
    const record: StepRecord = {
      id: step.id,
      name: step.name,
      status,
      startedAt,
      finishedAt,
      durationMs: finishedAt - startedAt,
      attempts,
      // `undefined` rather than `{}` when a part is absent: nothing is allocated to spread.
      ...(full ? { request: lastRequest, response: lastResponse } : undefined),
      outputs: redactor.redactValue(outputs),
      ...(error ? { error: redactor.redactValue(error.toJSON()) } : undefined),
      ...(warnings.length > 0 ? { warnings: redactor.redactValue(warnings) } : undefined),
    };
    return error ? { status, outputs, record, error } : { status, outputs, record };
  };

  let prepared: PreparedRequest;
  try {
    prepared = buildRequest(step, scope);
    if (prepared.warnings.length > 0) warnings.push(...prepared.warnings);
  } catch (error) {
    return finish('failed', nullOutputs(step), toConnectorError(error));
  }

  const auth = step.auth ?? connector.auth;
  let matchUrl: string | undefined;
  try {
    matchUrl = replayUrlFor(step, auth, scope);
  } catch (error) {
    return finish('failed', nullOutputs(step), toConnectorError(error));
  }
  const maxAttempts = (step.maxRetries ?? settings.maxRetries) + 1;
  const timeoutMs = step.timeoutMs ?? settings.timeoutMs;
  const limit = {
    perMinute: connector.rateLimit.enabled ? connector.rateLimit.maxRequestsPerMinute : undefined,
    perHour: connector.rateLimit.enabled ? connector.rateLimit.maxRequestsPerHour : undefined,
    strategy: connector.rateLimit.strategy,
  };
  let tokenRefreshed = false;
  const authContext = (signal: AbortSignal): AuthContext => ({
    resolve: (template) => interpolateToString(template, scope),
    tokenCache: context.tokenCache,
    sessions: context.authSessions,
    saveCredential: context.saveCredential,
    clock,
    transport: context.transport,
    signal,
    onSecret: (name, value) => redactor.addSecret(name, value),
    maxResponseBytes: context.maxResponseBytes,
  });

  for (let attempt = 1; ; attempt += 1) {
    if (context.signal.aborted) return finish('failed', nullOutputs(step), abortReason(context.signal));
    const attemptStart = clock.now();
    const attemptController = context.attemptSignals.acquire();
    let cancelTimeout: (() => void) | undefined;
    let response: TransportResponse | undefined;
    let error: ConnectorError | undefined;
    let authorized: AuthorizedRequest | undefined;
    try {
      // Waiting for a rate-limit slot is not part of the attempt's timeout.
      await context.rateLimiter.acquire(context.rateLimitKey, limit, attemptController.signal);
      cancelTimeout = startTimer(clock, timeoutMs, () =>
        attemptController.abort(new ConnectorError('TIMEOUT', `${stepInProse(step)} got no answer within ${timeoutMs} ms (attempt ${attempt}).`, { hint: 'Raise the step\'s timeout if the API is slow, or check that the URL is right.' })),
      );
      authorized = await applyAuth(auth, { url: prepared.url, headers: prepared.headers }, authContext(attemptController.signal));
      sentRequest = { method: prepared.method, url: authorized.url, headers: authorized.headers, body: prepared.body };
      lastRequest = full ? recordRequest(sentRequest, redactor) : undefined;
      response = await context.transport.send({
        stepId: step.id,
        method: prepared.method,
        url: authorized.url,
        headers: authorized.headers,
        body: prepared.body,
        signal: attemptController.signal,
        maxResponseBytes: context.maxResponseBytes,
        maxRedirects: context.maxRedirects,
        credentialHeaders: prepared.credentialHeaders.concat(authorized.credentialHeaders),
        ...(matchUrl !== undefined ? { matchUrl } : undefined),
      });
    } catch (thrown) {
      error = attemptController.signal.aborted ? abortReason(attemptController.signal) : toConnectorError(thrown);
    } finally {
      cancelTimeout?.();
      context.attemptSignals.release(attemptController);
    }

    const attemptRecord: AttemptRecord = { attempt, startedAt: attemptStart, durationMs: clock.now() - attemptStart };
    attempts.push(attemptRecord);
    if (response) {
      const ok = response.status >= 200 && response.status < 300;
      // A summary record keeps no response; a failed one is still built for the error message.
      if (full || !ok) lastResponse = recordResponse(response, redactor, settings.logResponseData);
      attemptRecord.status = response.status;
      if (ok) {
        context.emit?.({ type: 'step.attempt', runId: context.runId, stepId: step.id, attempt, at: clock.now(), status: response.status });
        try {
          const extracted = extractOutputs(step, response.bodyText);
          if (extracted.warnings.length > 0) warnings.push(...extracted.warnings);
          return finish('success', extracted.outputs);
        } catch (extractError) {
          return finish('failed', nullOutputs(step), toConnectorError(extractError));
        }
      }
      error = httpError(lastRequest ?? recordRequest(sentRequest as NonNullable<typeof sentRequest>, redactor), lastResponse as RecordedResponse);
    }
    const failure = error as ConnectorError;
    attemptRecord.error = redactor.redactValue(failure.toJSON());

    if (context.signal.aborted) {
      context.emit?.({ type: 'step.attempt', runId: context.runId, stepId: step.id, attempt, at: clock.now(), status: response?.status, error: attemptRecord.error });
      return finish('failed', nullOutputs(step), failure);
    }

    // A rejected token may just have expired early: the auth kind refreshes it and the step tries again at once.
    const staleToken = response?.status === 401 && !tokenRefreshed && authorized !== undefined && attempt < maxAttempts && refreshAfterUnauthorized(auth, authorized, authContext(context.signal));
    let retry = attempt < maxAttempts && (staleToken || mayRetry(step, response ? { status: response.status } : { error: failure }));
    let delay = 0;
    let retryReason: RetryReason = 'backoff';
    let finalError = failure;
    if (retry) {
      const retryAfter = response ? parseRetryAfter(response.headers['retry-after'], clock.now()) : undefined;
      retryReason = staleToken ? 'token-refresh' : retryAfter !== undefined ? 'retry-after' : 'backoff';
      delay = staleToken ? 0 : retryAfter !== undefined ? Math.min(retryAfter, EXECUTOR_DEFAULTS.RETRY_AFTER_CAP_MS) : backoffDelay(attempt, context.random);
      if (clock.now() + delay >= context.deadlineAt) {
        retry = false;
        finalError = new ConnectorError(failure.code, `${failure.message} Not retried: waiting ${Math.ceil(delay / 1000)} s would pass the run's deadline.`, { hint: failure.hint, path: failure.path });
      } else if (response?.status === 429) {
        // Everyone using this API waits, not only this step: a 429 storm must not multiply requests.
        context.rateLimiter.pauseUntil?.(context.rateLimitKey, clock.now() + delay);
      }
    }
    if (retry) Object.assign(attemptRecord, { retryInMs: delay, retryReason });
    context.emit?.({ type: 'step.attempt', runId: context.runId, stepId: step.id, attempt, at: clock.now(), status: response?.status, error: attemptRecord.error, ...(retry ? { retryInMs: delay, retryReason } : {}) });
    if (!retry) return finish('failed', nullOutputs(step), finalError);
    if (staleToken) tokenRefreshed = true;
    try {
      if (delay > 0) await clock.sleep(delay, context.signal);
    } catch {
      return finish('failed', nullOutputs(step), abortReason(context.signal));
    }
  }
}
