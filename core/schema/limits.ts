/** The seed's limits (section 4, question 5). Reported by the validator, enforced by the executor (connectorPlan), shown by the editor. */
export const CONNECTOR_LIMITS = {
  /** Steps a connector may have. */
  MAX_STEPS: 5,
  /** Steps a connector marked `advanced` may have. */
  MAX_STEPS_ADVANCED: 10,
  /** Branches one step may fan out to (and entry steps that start in parallel). */
  MAX_PARALLEL_STEPS: 3,
  /** Wall-clock budget of one whole execution. */
  MAX_EXECUTION_TIME_MS: 60_000,
  /** Per-attempt request timeout bounds (AdvancedSettingsStep: 1 s – 60 s). */
  MIN_TIMEOUT_MS: 1_000,
  MAX_TIMEOUT_MS: 60_000,
  /** Retry attempts bounds (AdvancedSettingsStep: 0 – 5). */
  MAX_RETRIES: 5,
} as const;

export const DEFAULT_SETTINGS = {
  timeoutMs: 30_000,
  maxRetries: 3,
  continueOnError: false,
  logResponseData: true,
} as const;
