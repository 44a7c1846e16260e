/**
 * The skip rule, tested exhaustively: every DAG on 3 steps × every step behaviour (succeeds,
 * fails, own condition false) × every edge condition (none, true, false), run through the
 * real executor and compared with the rule as written in README.md. Random 4–5 step graphs
 * (fast-check) cover joins and longer chains, and the fail-fast mode.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decideStep, type SettledState } from './skipRule.js';
import { runConnector } from './runConnector.js';
import { createMockTransport } from '../transport/createMockTransport.js';
import { makeConnector, noSecrets } from '../test-helpers/connectors.js';
import type { ExecutionRecord } from './types.js';

type Behaviour = 'ok' | 'fail' | 'off';
type EdgeCondition = 'none' | 'true' | 'false';
interface Case {
  n: number;
  edges: Array<{ source: number; target: number; condition: EdgeCondition }>;
  behaviours: Behaviour[];
}

/** The rule exactly as README.md states it, in topological (index) order. */
function expectedStatuses(c: Case): Array<'success' | 'failed' | 'skipped'> {
  const status: Array<'success' | 'failed' | 'skipped'> = [];
  for (let i = 0; i < c.n; i += 1) {
    const incoming = c.edges.filter((e) => e.target === i);
    const reachable = incoming.length === 0 || incoming.some((e) => status[e.source] !== 'skipped' && e.condition !== 'false');
    if (!reachable || c.behaviours[i] === 'off') status.push('skipped');
    else status.push(c.behaviours[i] === 'ok' ? 'success' : 'failed');
  }
  return status;
}

function toConnector(c: Case, continueOnError: boolean) {
  return makeConnector({
    advanced: true,
    steps: Array.from({ length: c.n }, (_, i) => ({
      id: `s${i}`,
      url: `https://api.invalid/s${i}`,
      outputs: [{ name: 'v', path: '$.v' }],
      maxRetries: 0,
      ...(c.behaviours[i] === 'off' ? { condition: 'false' } : {}),
      mock: c.behaviours[i] === 'fail' ? { status: 500, body: { error: 'boom' } } : { status: 200, body: { v: i } },
    })),
    edges: c.edges.map((e, k) => ({ id: `e${k}`, source: `s${e.source}`, target: `s${e.target}`, ...(e.condition === 'none' ? {} : { condition: e.condition }) })),
    settings: { continueOnError },
  });
}

async function run(c: Case, continueOnError: boolean): Promise<ExecutionRecord> {
  const connector = toConnector(c, continueOnError);
  return runConnector(connector, { inputs: {}, transport: createMockTransport(connector), secrets: noSecrets });
}

function* allCases(n: number): Generator<Case> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) pairs.push([i, j]);
  const conditions: EdgeCondition[] = ['none', 'true', 'false'];
  const behaviours: Behaviour[] = ['ok', 'fail', 'off'];
  for (let mask = 0; mask < 1 << pairs.length; mask += 1) {
    const chosen = pairs.filter((_, k) => mask & (1 << k));
    for (let b = 0; b < behaviours.length ** n; b += 1) {
      const bs = Array.from({ length: n }, (_, i) => behaviours[Math.floor(b / 3 ** i) % 3] as Behaviour);
      for (let e = 0; e < conditions.length ** chosen.length; e += 1) {
        const edges = chosen.map(([source, target], k) => ({ source, target, condition: conditions[Math.floor(e / 3 ** k) % 3] as EdgeCondition }));
        yield { n, edges, behaviours: bs };
      }
    }
  }
}

const caseArbitrary = fc.integer({ min: 4, max: 5 }).chain((n) => {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) pairs.push([i, j]);
  return fc.record({
    n: fc.constant(n),
    edges: fc.subarray(pairs).chain((chosen) => fc.tuple(...chosen.map(([source, target]) => fc.constantFrom<EdgeCondition>('none', 'true', 'false').map((condition) => ({ source, target, condition }))))),
    behaviours: fc.array(fc.constantFrom<Behaviour>('ok', 'fail', 'off'), { minLength: n, maxLength: n }),
  });
}).filter(withinLimits);

/** The executor refuses graphs over the limits (at most 3 entry steps, 3 branches per fan-out; tested in runConnector.test.ts). */
function withinLimits(c: { n: number; edges: Array<{ source: number; target: number }> }): boolean {
  const entries = Array.from({ length: c.n }, (_, i) => i).filter((i) => !c.edges.some((e) => e.target === i)).length;
  const widest = Math.max(0, ...Array.from({ length: c.n }, (_, i) => c.edges.filter((e) => e.source === i).length));
  return entries <= 3 && widest <= 3;
}

describe('the skip rule (continueOnError on)', () => {
  it('matches the documented rule for every DAG on 3 steps × behaviours × edge conditions', async () => {
    let count = 0;
    for (const c of allCases(3)) {
      const record = await run(c, true);
      const actual = record.steps.map((s) => s.status);
      if (JSON.stringify(actual) !== JSON.stringify(expectedStatuses(c))) {
        expect({ case: c, actual }).toEqual({ case: c, actual: expectedStatuses(c) });
      }
      expect(record.status).toBe('success');
      count += 1;
    }
    expect(count).toBe(1728);
  });

  it('matches the documented rule on random 4–5 step graphs', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const record = await run(c, true);
        expect(record.steps.map((s) => s.status)).toEqual(expectedStatuses(c));
      }),
      { numRuns: 300 },
    );
  });
});

describe('fail-fast (continueOnError off)', () => {
  it('fails the run on the first failure; nothing that depended on a failure runs; without failures it matches the rule', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async (c) => {
        const record = await run(c, false);
        const expected = expectedStatuses(c);
        if (!expected.includes('failed')) {
          expect(record.status).toBe('success');
          expect(record.steps.map((s) => s.status)).toEqual(expected);
          return;
        }
        expect(record.status).toBe('failed');
        expect(record.error?.message).toMatch(/^Step "s\d" failed/);
        record.steps.forEach((step, i) => {
          // a step may end earlier than the rule says (skipped: run failed) but never differently
          if (step.status === 'success') expect(expected[i]).toBe('success');
          if (step.status === 'failed' && step.error?.code !== 'CANCELLED') expect(expected[i]).toBe('failed');
          if (step.status === 'skipped' && expected[i] !== 'skipped') expect(step.skipReason).toBe('run failed');
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('decideStep', () => {
  const states = new Map<string, SettledState>([
    ['ok', 'succeeded'],
    ['bad', 'failed'],
    ['gone', 'skipped'],
  ]);
  const truthy = (condition: string) => condition === 'yes';

  it('runs an entry step, and a step with at least one taken edge (edges are OR-ed)', () => {
    expect(decideStep({ id: 'x' }, [], states, truthy)).toEqual({ run: true });
    expect(decideStep({ id: 'x' }, [{ id: 'e1', source: 'gone' }, { id: 'e2', source: 'ok' }], states, truthy)).toEqual({ run: true });
    expect(decideStep({ id: 'x' }, [{ id: 'e1', source: 'bad' }], states, truthy)).toEqual({ run: true });
  });

  it('names every edge that was not taken and why', () => {
    const decision = decideStep({ id: 'x' }, [{ id: 'e1', source: 'gone' }, { id: 'e2', source: 'ok', condition: 'no' }], states, truthy);
    expect(decision).toEqual({ run: false, reason: 'no incoming edge was taken: gone was skipped; the condition no on edge e2 from ok is false' });
  });

  it("skips a reachable step whose own condition is false, and does not evaluate a skipped source's edge condition", () => {
    expect(decideStep({ id: 'x', condition: 'no' }, [{ id: 'e', source: 'ok' }], states, truthy)).toEqual({ run: false, reason: 'its condition no is false' });
    const evaluated: string[] = [];
    decideStep({ id: 'x' }, [{ id: 'e', source: 'gone', condition: 'probe' }], states, (c) => (evaluated.push(c), true));
    expect(evaluated).toEqual([]);
  });
});

describe('what conditions see', () => {
  it("sees only ancestors' outputs; a skipped ancestor's outputs are null", async () => {
    const connector = makeConnector({
      steps: [
        { id: 'a', url: 'https://api.invalid/a', condition: 'false', outputs: [{ name: 'companyId', path: '$.id' }], mock: { body: { id: 'co_1' } } },
        { id: 'b', url: 'https://api.invalid/b', outputs: [{ name: 'id', path: '$.id' }], mock: { body: { id: 'c_1' } } },
        { id: 'c', url: 'https://api.invalid/c', condition: '{{a.companyId}} === null && {{b.id}} === \'c_1\'', mock: { body: {} } },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'c' },
        { id: 'e2', source: 'b', target: 'c' },
      ],
    });
    const record = await runConnector(connector, { inputs: {}, transport: createMockTransport(connector), secrets: noSecrets });
    expect(record.steps.map((s) => s.status)).toEqual(['skipped', 'success', 'success']);
  });

  it('a template of a step cannot read a step that is not its ancestor', async () => {
    const connector = makeConnector({
      steps: [
        { id: 'a', url: 'https://api.invalid/a', outputs: [{ name: 'id', path: '$.id' }], mock: { body: { id: 1 } } },
        { id: 'b', url: 'https://api.invalid/b/{{a.id}}', mock: { body: {} } },
      ],
    });
    const record = await runConnector(connector, { inputs: {}, transport: createMockTransport(connector), secrets: noSecrets });
    expect(record.steps[1]?.error).toMatchObject({ code: 'INVALID_TEMPLATE' });
  });
});
