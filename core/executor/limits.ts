/** Executor defaults that are not part of the document (see RunOptions for overrides). */
export const EXECUTOR_DEFAULTS = {
  MAX_RESPONSE_BYTES: 5 * 1024 * 1024,
  MAX_REDIRECTS: 5,
  /** Response (and request) bodies kept in a record. */
  RECORD_BODY_CAP_BYTES: 64 * 1024,
  /** Full-jitter exponential backoff: random(0, min(cap, base · 2^(attempt-1))). */
  BACKOFF_BASE_MS: 250,
  BACKOFF_CAP_MS: 8_000,
  /** A Retry-After longer than this is shortened to it. */
  RETRY_AFTER_CAP_MS: 30_000,
} as const;
