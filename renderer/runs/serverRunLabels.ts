/** How a server run reads in the run bar and History. */
import type { ServerRun } from '../../contract/hostApi.js';

export function formatDuration(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "queued", "running", "success in 320 ms", "failed in 1.2 s". */
export function serverRunOutcome(run: Pick<ServerRun, 'status' | 'durationMs'>): string {
  if (run.status === 'queued' || run.status === 'running' || run.durationMs === null) return run.status;
  return `${run.status} in ${formatDuration(run.durationMs)}`;
}
