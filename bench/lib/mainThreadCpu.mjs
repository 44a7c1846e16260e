// The renderer main thread's CPU time over a span, from a Chrome trace: each event's thread
// duration (`tdur`), which time spent descheduled on a loaded machine does not inflate (the
// wall-clock TaskDuration of CDP Performance.getMetrics does).

/** Trace event names summed into the breakdown, by what they are. */
const KINDS = {
  'module evaluation': ['v8.evaluateModule'],
  script: ['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.run'],
  'style and layout': ['UpdateLayoutTree', 'Layout'],
  paint: ['Paint', 'PrePaint', 'Layerize'],
  gc: ['MinorGC', 'MajorGC'],
};
const KIND_OF = new Map(Object.entries(KINDS).flatMap(([kind, names]) => names.map((name) => [name, kind])));

/**
 * Runs `span` with tracing on and returns the page's main-thread CPU milliseconds (every
 * top-level task) and a breakdown by kind (an event inside one already counted is not counted
 * again). Only one trace at a time per browser.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').Page} page
 * @param {() => Promise<void>} span
 */
export async function mainThreadCpu(browser, page, span) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'] });
  let buffer;
  try {
    await span();
  } finally {
    buffer = await browser.stopTracing();
  }
  const trace = JSON.parse(buffer.toString()).traceEvents;
  // The page's renderer main thread is the busiest CrRendererMain (a navigation may change process).
  const threads = trace.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const eventsOf = (t) => trace.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && typeof e.tdur === 'number');
  const cpu = (events) => events.filter((e) => e.name === 'RunTask').reduce((sum, e) => sum + e.tdur, 0) / 1000;
  let main = [];
  for (const thread of threads) {
    const events = eventsOf(thread);
    if (cpu(events) > cpu(main)) main = events;
  }
  const breakdown = Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, 0]));
  let countedUntil = -Infinity;
  for (const e of main.filter((x) => KIND_OF.has(x.name)).sort((a, b) => a.ts - b.ts)) {
    if (e.ts < countedUntil) continue;
    breakdown[KIND_OF.get(e.name)] += e.tdur / 1000;
    countedUntil = e.ts + e.dur;
  }
  return { ms: cpu(main), breakdown };
}
