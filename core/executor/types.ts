import type { Redactor } from '../redaction/createRedactor.js';
/**
 * The executor's public contract: what a caller passes in, the events it receives
 * while a run goes on, and the record it gets at the end. Everything here is plain
 * JSON so it crosses IPC, HTTP and process boundaries unchanged.
 */
import type { Clock, HttpTransport, Logger, SecretResolver } from '../ports/index.js';
import type { SerializedConnectorError } from '../errors/ConnectorError.js';
import type { OAuthTokenCache } from '../auth/oauthTokenCache.js';
import type { StepKindRegistry } from '../steps/registry.js';

export type InputValue = string | number | boolean | null;
export type StepStatus = 'pending' | 'running' | 'success' | 'failed' | 'skipped';
export type RunStatus = 'success' | 'failed' | 'cancelled' | 'timeout';

/** A limiter shared across runs (the CLI's --data rows, the host's runs of one connector). */
export interface RateLimiterRegistry {
  /** Waits for (queue) or claims (fail) one request slot for the connector's limit. */
  acquire(key: string, limit: { perMinute?: number | undefined; perHour?: number | undefined; strategy: 'queue' | 'fail' }, signal: AbortSignal): Promise<void>;
  /**
   * Holds every request of `key` until `untilMs` (clock time). The executor calls it when an
   * API answers 429 with Retry-After, so concurrent steps and rows wait instead of each
   * retrying into the same wall (retries and the limiter share one budget).
   */
  pauseUntil?(key: string, untilMs: number): void;
}

/** The workspace environment a run uses: `{{env.x}}` reads `variables`, then `secrets` (redacted everywhere, like credentials). */
export interface RunEnvironment {
  name: string;
  variables: Record<string, string>;
  secrets?: Record<string, string>;
}

export interface RunOptions {
  inputs: Record<string, InputValue>;
  /** Absent: `{{env.x}}` references fail with a message asking to pick an environment. */
  environment?: RunEnvironment;
  transport: HttpTransport;
  secrets: SecretResolver;
  clock?: Clock;
  logger?: Logger;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Shared across runs so limits hold across rows; a fresh one per run otherwise. */
  rateLimiter?: RateLimiterRegistry;
  /**
   * The redactor for this run, when the caller redacts more with it (the host records its cassette
   * and history through the same one, so secrets learnt during the run — a Basic token, an OAuth
   * access token — are redacted there too). The run's credentials are added to it.
   */
  redactor?: Redactor;
  /** Outputs of earlier runs to reuse ("pinned data") when running only some steps. */
  pinnedOutputs?: Record<string, Record<string, unknown>>;
  /** Run only these steps (others must be pinned or are skipped). */
  onlySteps?: string[];
  /** Contact as it is before the run, for `if_empty` merges and the before/after diff. */
  contact?: Record<string, unknown>;
  /** Caps (defaults: 5 MiB, 5 redirects). */
  maxResponseBytes?: number;
  maxRedirects?: number;
  /** Shared OAuth token cache (the CLI's rows, the host's runs); a fresh one per run otherwise. */
  tokenCache?: OAuthTokenCache;
  /** Shared token sessions of the auth kinds (the host's runs, the CLI's rows); a fresh map per run otherwise. */
  authSessions?: Map<string, unknown>;
  /** Whole-run deadline; never more than CONNECTOR_LIMITS.MAX_EXECUTION_TIME_MS (the default). */
  maxExecutionMs?: number;
  /** Source of backoff jitter in [0, 1) (default Math.random); tests make it deterministic. */
  random?: () => number;
  /** Id for the run (default: a random UUID). */
  runId?: string;
  /**
   * How much each step record keeps. 'full' (default): the redacted request and response
   * (headers, capped bodies). 'summary': no request/response parts, for callers that show only
   * status, attempts, timings, outputs and errors (the CLI without --record); those are still
   * redacted, and error messages are the same as in 'full'.
   */
  recordDetail?: RecordDetail;
  /** The step kinds the run knows (default: the app's, core/steps/registry.ts); tests add their own. */
  stepKinds?: StepKindRegistry;
}

export type RecordDetail = 'full' | 'summary';

export type RunEvent =
  | { type: 'run.started'; runId: string; at: number; stepIds: string[] }
  | { type: 'step.started'; runId: string; stepId: string; at: number }
  | { type: 'step.attempt'; runId: string; stepId: string; attempt: number; at: number; status?: number; error?: SerializedConnectorError; retryInMs?: number; retryReason?: RetryReason }
  | { type: 'step.succeeded'; runId: string; stepId: string; at: number; result: StepRecord }
  | { type: 'step.failed'; runId: string; stepId: string; at: number; result: StepRecord }
  | { type: 'step.skipped'; runId: string; stepId: string; at: number; reason: string }
  | { type: 'run.finished'; runId: string; at: number; record: ExecutionRecord };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** Absent when the connector turns logging of response data off. Truncated to a cap. */
  body?: string | undefined;
  bodyTruncated?: boolean;
  sizeBytes: number;
}

/** Why the executor waited before the next attempt: the API's Retry-After, its own backoff, or a token refresh. */
export type RetryReason = 'retry-after' | 'backoff' | 'token-refresh';

export interface AttemptRecord {
  attempt: number;
  startedAt: number;
  durationMs: number;
  status?: number | undefined;
  error?: SerializedConnectorError | undefined;
  /** Set when another attempt followed: how long the executor waited first, and why. */
  retryInMs?: number | undefined;
  retryReason?: RetryReason | undefined;
}

export interface StepRecord {
  id: string;
  name: string;
  status: Exclude<StepStatus, 'pending' | 'running'>;
  /** Why it was skipped (condition false, predecessor not taken, …). */
  skipReason?: string | undefined;
  startedAt?: number | undefined;
  finishedAt?: number | undefined;
  durationMs: number;
  attempts: AttemptRecord[];
  request?: RecordedRequest | undefined;
  response?: RecordedResponse | undefined;
  outputs: Record<string, unknown>;
  error?: SerializedConnectorError | undefined;
  /** Things that went wrong without failing the step (e.g. a body that is not JSON, so outputs are null). */
  warnings?: string[] | undefined;
}

export interface ExecutionRecord {
  runId: string;
  connectorId: string;
  connectorName: string;
  status: RunStatus;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  inputs: Record<string, InputValue>;
  steps: StepRecord[];
  /** The mapped contact patch: field → value (only fields the run sets). */
  contact: Record<string, unknown>;
  /** Contact before the run (when given), for the before/after diff. */
  contactBefore?: Record<string, unknown> | undefined;
  error?: SerializedConnectorError | undefined;
  /** The environment the run used (its name only). */
  environment?: string | undefined;
}
