/**
 * A one-line progress bar for `run --data` on a terminal (stderr). On a pipe or a file it
 * draws nothing, so logs and `--json` output stay clean.
 */
export interface ProgressBar {
  advance(succeeded: boolean): void;
  /** Erases the bar so a normal line can be printed, then redraws on the next advance. */
  clear(): void;
  finish(): void;
}

export interface ProgressTarget {
  err(text: string): void;
  readonly errIsTTY: boolean;
  readonly columns: number;
}

const REDRAW_EVERY_MS = 80;

export function createProgressBar(total: number, target: ProgressTarget, now: () => number = Date.now): ProgressBar {
  if (!target.errIsTTY || total === 0) return { advance() {}, clear() {}, finish() {} };
  const startedAt = now();
  let done = 0;
  let failed = 0;
  let lastDrawAt = -Infinity;
  let drawn = false;

  const draw = () => {
    lastDrawAt = now();
    target.err(`\r${renderProgressLine({ done, failed, total, elapsedMs: lastDrawAt - startedAt, columns: target.columns })}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) target.err('\r\x1b[2K');
    drawn = false;
  };

  draw();
  return {
    advance(succeeded) {
      done++;
      if (!succeeded) failed++;
      if (done === total || now() - lastDrawAt >= REDRAW_EVERY_MS) draw();
    },
    clear,
    finish() {
      if (!drawn) draw();
      target.err('\n');
      drawn = false;
    },
  };
}

export function renderProgressLine(state: { done: number; failed: number; total: number; elapsedMs: number; columns: number }): string {
  const { done, failed, total, elapsedMs } = state;
  const counts = ` ${done}/${total}  ✓ ${done - failed}  ✗ ${failed}  ${(elapsedMs / 1000).toFixed(1)}s`;
  const width = Math.max(10, Math.min(40, state.columns - counts.length - 3));
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${counts}`;
}
