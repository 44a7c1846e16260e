/** Retries in words, for the node while it waits and for the result summary afterwards. */
import type { AttemptRecord, RetryReason } from '#core';

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? Number(s.toFixed(1)) : Math.round(s)} s`;
}

const WHY: Record<RetryReason, string> = {
  'retry-after': 'as asked by Retry-After',
  backoff: 'before trying again',
  'token-refresh': 'with a fresh token',
};

/** "retrying (429, waiting 1 s as asked by Retry-After)". */
export function retryingLabel(status: number | undefined, errorCode: string | undefined, retryInMs: number, reason: RetryReason | undefined): string {
  const what = status ?? errorCode ?? 'failed';
  if (reason === 'token-refresh') return `retrying (${what}, ${WHY['token-refresh']})`;
  return `retrying (${what}, waiting ${seconds(retryInMs)} ${WHY[reason ?? 'backoff']})`;
}

/** "3 attempts · waited 2 s" (empty for a step that answered at once). */
export function attemptsSummary(attempts: readonly AttemptRecord[]): string {
  if (attempts.length <= 1) return '';
  const waited = attempts.reduce((sum, a) => sum + (a.retryInMs ?? 0), 0);
  return `${attempts.length} attempts${waited > 0 ? ` · waited ${seconds(waited)}` : ''}`;
}
