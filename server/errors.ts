/**
 * How a job fails. A NonRetryableJobError is the job's own fault (a disabled, deleted or
 * foreign connector, an invalid job or document): running it again cannot succeed, so every
 * engine settles it at once. Anything else (database down, worker killed) is retried.
 */
export type NonRetryableReason = 'invalid_job' | 'connector_not_found' | 'connector_disabled' | 'connector_deleted' | 'invalid_connector';

export class NonRetryableJobError extends Error {
  override readonly name = 'NonRetryableJobError';
  constructor(readonly reason: NonRetryableReason, message: string) {
    super(message);
  }
}

export function isNonRetryable(error: unknown): error is NonRetryableJobError {
  return error instanceof NonRetryableJobError;
}

/** Waiting for a connector slot took too long: the job goes back to the queue for later. */
export class SlotBusyError extends Error {
  override readonly name = 'SlotBusyError';
}
