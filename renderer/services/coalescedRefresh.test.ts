import { describe, expect, it } from 'vitest';
import { CoalescedRefresh, type RefreshTimers } from './coalescedRefresh.js';

/** Timers driven by the test: nothing fires until `fire()` is called. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const timers: RefreshTimers = {
    setTimeout: (callback, ms) => {
      pending.set(next, { callback, ms });
      return next++;
    },
    clearTimeout: (handle) => void pending.delete(handle as number),
  };
  const fire = () => {
    const due = [...pending.entries()];
    pending.clear();
    for (const [, timer] of due) timer.callback();
  };
  return { timers, pending, fire };
}

/** A refresh whose calls the test finishes one by one. */
function controlledRefresh() {
  const calls: Array<{ finish: () => void; fail: (error: Error) => void }> = [];
  const refresh = () => new Promise<void>((resolve, reject) => void calls.push({ finish: resolve, fail: reject }));
  return { refresh, calls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescedRefresh', () => {
  it('gathers a burst of requests into one refresh after the delay', async () => {
    const { timers, pending, fire } = manualTimers();
    const { refresh, calls } = controlledRefresh();
    const coalesced = new CoalescedRefresh(refresh, 150, timers);
    for (let i = 0; i < 500; i++) coalesced.request();
    expect(calls).toHaveLength(0);
    expect([...pending.values()].map((t) => t.ms)).toEqual([150]);
    fire();
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await settle();
    expect(calls).toHaveLength(1);
    expect(pending.size).toBe(0);
  });

  it('runs at most one refresh at a time, and exactly one more for requests made meanwhile', async () => {
    const { timers, pending, fire } = manualTimers();
    const { refresh, calls } = controlledRefresh();
    const coalesced = new CoalescedRefresh(refresh, 150, timers);
    coalesced.request();
    fire();
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 100; i++) coalesced.request(); // arrive while the list call is in flight
    expect(pending.size).toBe(0);
    fire();
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await settle();
    expect(pending.size).toBe(1); // the follow-up waits for the delay too
    fire();
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await settle();
    expect(pending.size).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('keeps refreshing after a refresh fails', async () => {
    const { timers, fire } = manualTimers();
    const { refresh, calls } = controlledRefresh();
    const coalesced = new CoalescedRefresh(refresh, 150, timers);
    coalesced.request();
    fire();
    coalesced.request();
    calls[0]!.fail(new Error('host unreachable'));
    await settle();
    fire();
    expect(calls).toHaveLength(2);
  });

  it('does nothing after dispose', async () => {
    const { timers, pending, fire } = manualTimers();
    const { refresh, calls } = controlledRefresh();
    const coalesced = new CoalescedRefresh(refresh, 150, timers);
    coalesced.request();
    coalesced.dispose();
    expect(pending.size).toBe(0);
    coalesced.request();
    fire();
    expect(calls).toHaveLength(0);
  });
});
