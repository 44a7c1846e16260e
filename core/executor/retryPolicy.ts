/**
 * When an attempt may be retried and how long to wait first.
 *
 * - Retried: NETWORK_ERROR, TIMEOUT, 408, 429 and 5xx. Never other 4xx, nor size, redirect,
 *   rate-limit (`fail` strategy), template or cancellation errors.
 * - Only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) retry, unless the step says
 *   `idempotent: true` (or `false` to forbid it). A connection that was refused or a host that
 *   did not resolve is retried for any method: the request never left.
 * - Wait: Retry-After when the answer has one (seconds or an HTTP date, capped), otherwise
 *   full-jitter exponential backoff.
 */
import type { ConnectorError } from '../errors/ConnectorError.js';
import type { Step } from '../schema/connector.js';
import { EXECUTOR_DEFAULTS } from './limits.js';

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const NEVER_SENT = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN)\b/;

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

export function mayRetry(step: Pick<Step, 'method' | 'idempotent'>, outcome: { status?: number | undefined; error?: ConnectorError | undefined }): boolean {
  const idempotent = step.idempotent ?? IDEMPOTENT_METHODS.has(step.method);
  if (outcome.status !== undefined) return idempotent && isRetryableStatus(outcome.status);
  const error = outcome.error;
  if (!error) return false;
  if (error.code === 'NETWORK_ERROR') return idempotent || NEVER_SENT.test(error.message);
  if (error.code === 'TIMEOUT') return idempotent;
  return false;
}

/** Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreads retries of many clients. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(EXECUTOR_DEFAULTS.BACKOFF_CAP_MS, EXECUTOR_DEFAULTS.BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Retry-After in ms (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
