import { describe, expect, it } from 'vitest';
import { pendingRealTimers, startRealTimer } from './realTimers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startRealTimer', () => {
  it('fires each timer once, in order of due time, not before its time', async () => {
    const fired: Array<[string, number]> = [];
    const start = performance.now();
    const late = new Promise((resolve) => startRealTimer(60, () => resolve(fired.push(['late', performance.now() - start]))));
    // Started after, due before: the shared timer moves forward for it.
    startRealTimer(20, () => fired.push(['early', performance.now() - start]));
    startRealTimer(20, () => fired.push(['early, second', performance.now() - start]));
    await late;
    expect(fired.map(([name]) => name)).toEqual(['early', 'early, second', 'late']);
    expect(fired[0]?.[1]).toBeGreaterThanOrEqual(19);
    expect(fired[2]?.[1]).toBeGreaterThanOrEqual(59);
    expect(pendingRealTimers()).toBe(0);
  });

  it('a cancelled timer never fires and does not hold back the others', async () => {
    const fired: string[] = [];
    const cancelEarly = startRealTimer(10, () => fired.push('cancelled'));
    const kept = new Promise((resolve) => startRealTimer(30, () => resolve(fired.push('kept'))));
    cancelEarly();
    cancelEarly();
    expect(pendingRealTimers()).toBe(1);
    await kept;
    await sleep(20);
    expect(fired).toEqual(['kept']);
    expect(pendingRealTimers()).toBe(0);
  });

  it('cancelling every timer leaves nothing pending (the host timer is cleared)', () => {
    const cancels = Array.from({ length: 3000 }, (_, i) => startRealTimer(30_000 + i, () => {
      throw new Error('must not fire');
    }));
    // Cancel in an order that leaves cancelled entries inside the heap (compaction runs).
    for (let i = 1; i < cancels.length; i += 2) cancels[i]?.();
    expect(pendingRealTimers()).toBe(1500);
    for (let i = 0; i < cancels.length; i += 2) cancels[i]?.();
    expect(pendingRealTimers()).toBe(0);
  });

  it('a callback may start and cancel timers', async () => {
    const fired: string[] = [];
    const cancelOther = startRealTimer(40, () => fired.push('cancelled by the first'));
    const second = new Promise((resolve) => startRealTimer(10, () => {
      fired.push('first');
      cancelOther();
      startRealTimer(10, () => resolve(fired.push('started by the first')));
    }));
    await second;
    await sleep(50);
    expect(fired).toEqual(['first', 'started by the first']);
    expect(pendingRealTimers()).toBe(0);
  });
});
