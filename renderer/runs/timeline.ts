/** Waterfall bars: each step's start/end relative to the run start, as fractions of the run. */
import type { LiveRun } from '../store/slices/runReducer.js';

export interface TimelineBar {
  stepId: string;
  status: string;
  /** ms since run start */
  start: number;
  end: number;
  left: number;
  width: number;
}

export function timelineBars(run: LiveRun, order: string[], now = run.record?.finishedAt ?? Date.now()): { bars: TimelineBar[]; totalMs: number } {
  const spans = order.map((stepId) => {
    const s = run.steps[stepId];
    if (!s || s.startedAt === undefined) return { stepId, status: s?.status ?? 'pending', start: -1, end: -1 };
    const end = s.finishedAt ?? (s.status === 'running' ? now : s.startedAt + (s.durationMs ?? 0));
    return { stepId, status: s.status, start: s.startedAt - run.startedAt, end: end - run.startedAt };
  });
  const totalMs = Math.max(1, run.record?.durationMs ?? 0, ...spans.map((s) => s.end));
  return {
    totalMs,
    bars: spans.map((s) => ({
      ...s,
      left: s.start < 0 ? 0 : s.start / totalMs,
      width: s.start < 0 ? 0 : Math.max(0.005, (s.end - s.start) / totalMs),
    })),
  };
}
