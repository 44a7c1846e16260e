// Timing taken inside the page, so Playwright's polling and protocol round trips are not
// counted: "the first frame that shows X". A requestAnimationFrame callback runs just before a
// frame's style, layout and paint, so the first frame whose callback sees X is the frame that
// paints it, and a task posted from that callback runs once the frame is painted: its time is
// the figure. A change made later in the same frame (another rAF callback, a resize observer)
// is seen one frame late, never early.

/**
 * Before the page's own scripts run, watches every frame for each mark's selector to match at
 * least `count` visible elements. Read the result with `paintedAt`.
 * @param {import('playwright-core').Page} page
 * @param {Record<string, { selector: string, count?: number }>} marks
 */
export async function watchPainted(page, marks) {
  await page.addInitScript((watched) => {
    const painted = {};
    const waiting = {};
    // A promise per mark, so the bench waits without polling the page (polling is main-thread work).
    window.__paintedAt = (name) => (painted[name] !== undefined ? Promise.resolve(painted[name]) : new Promise((resolve) => { (waiting[name] ??= []).push(resolve); }));
    const pending = new Map(Object.entries(watched));
    const onFrame = () => {
      for (const [name, { selector, count = 1 }] of pending) {
        const matches = document.querySelectorAll(selector);
        if (matches.length < count) continue;
        if ([...matches].filter((element) => element.checkVisibility({ visibilityProperty: true })).length < count) continue;
        pending.delete(name);
        setTimeout(() => {
          painted[name] = performance.now();
          for (const resolve of waiting[name] ?? []) resolve(painted[name]);
        }, 0);
      }
      if (pending.size > 0) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  }, marks);
}

/**
 * When the frame showing mark `name` was painted, in epoch milliseconds (comparable with the
 * bench process's `performance.timeOrigin + performance.now()`).
 * @param {import('playwright-core').Page} page
 * @param {string} name
 */
export async function paintedAt(page, name) {
  return page.evaluate(async (mark) => performance.timeOrigin + await window.__paintedAt(mark), name);
}

/**
 * Per printable key: from the keydown event's own timestamp (input queueing counts) to the
 * painted frame whose text (or value) at `selector` ends with the key. `window.__keys(n)`
 * resolves once n keys are recorded (a promise, not polling, so busy time is the page's own).
 * @param {import('playwright-core').Page} page
 * @param {{ selector: string, property: 'textContent' | 'value' }} target
 */
export function installKeyProbe(page, target) {
  return page.evaluate(({ selector, property }) => {
    const w = window;
    const shows = (key) => document.querySelector(selector)?.[property]?.endsWith(key) ?? false;
    w.__latencies = [];
    const waiters = [];
    const record = (value) => {
      w.__latencies.push(value);
      for (const [n, resolve] of waiters.splice(0)) if (w.__latencies.length >= n) resolve(); else waiters.push([n, resolve]);
    };
    w.__keys = (n) => new Promise((resolve) => { if (w.__latencies.length >= n) resolve(); else waiters.push([n, resolve]); });
    document.addEventListener('keydown', (event) => {
      if (event.key.length !== 1) return;
      const t0 = event.timeStamp;
      // Each key is a distinct letter from the last, so "ends with" means this key arrived.
      const onFrame = () => {
        if (!shows(event.key)) return requestAnimationFrame(onFrame);
        setTimeout(() => record(performance.now() - t0), 0);
      };
      requestAnimationFrame(onFrame);
    }, true);
  }, target);
}
