import type { Notice } from '../store/slices/uiSlice.js';

/**
 * How long a toast stays before it dismisses itself, in ms. Only a notice that offers an action
 * (Undo, Retry…) waits for the user; an error stays longer than news so there is time to read it.
 * Hovering or focusing a toast pauses its timer (Radix Toast).
 */
export function noticeDuration(notice: Pick<Notice, 'kind' | 'action'>): number {
  if (notice.action) return Number.POSITIVE_INFINITY;
  return notice.kind === 'error' ? 10_000 : 4_000;
}
