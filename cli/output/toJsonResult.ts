import type { ConnectorErrorCode, ExecutionRecord, SerializedConnectorError } from '#core';

/** The documented `run --json` shape: stable, small, and free of request/response data. */
export interface JsonRunResult {
  row?: number;
  status: 'success' | 'failed';
  steps: JsonStepResult[];
  contact: Record<string, unknown>;
  durationMs: number;
  /** Only when the run failed for a reason that belongs to no step (a missing input, the 60 s budget). */
  error?: JsonError;
}

export interface JsonStepResult {
  id: string;
  status: 'success' | 'failed' | 'skipped';
  attempts: number;
  durationMs: number;
  outputs: Record<string, unknown>;
  error?: JsonError;
  /** Why a step was skipped. */
  reason?: string;
}

/** Documented in cli/README.md ("The `error` object"); errorCodes.test.ts keeps the list there equal to the union. */
export interface JsonError {
  code: ConnectorErrorCode;
  message: string;
  hint?: string;
}

export function toJsonResult(record: ExecutionRecord, row?: number): JsonRunResult {
  const steps = record.steps.map((step): JsonStepResult => {
    const result: JsonStepResult = {
      id: step.id,
      status: step.status,
      attempts: step.attempts.length,
      durationMs: Math.round(step.durationMs),
      outputs: step.outputs,
    };
    if (step.error) result.error = toJsonError(step.error);
    if (step.status === 'skipped' && step.skipReason) result.reason = step.skipReason;
    return result;
  });
  const result: JsonRunResult = {
    ...(row === undefined ? {} : { row }),
    status: record.status === 'success' ? 'success' : 'failed',
    steps,
    contact: record.contact,
    durationMs: Math.round(record.durationMs),
  };
  if (result.status === 'failed' && record.error && !steps.some((step) => step.error)) result.error = toJsonError(record.error);
  return result;
}

export function toJsonError(error: SerializedConnectorError | { code: ConnectorErrorCode; message: string; hint?: string | undefined }): JsonError {
  return { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
}
