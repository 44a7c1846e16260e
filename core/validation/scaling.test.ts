/**
 * Validation of a large file is linear: the whole-document rules read each edge a bounded number
 * of times, however long the chain. Counted (not timed) through proxies on the edges; before the
 * graph index, every step rescanned every edge for each of its ancestors (a 1,000-step chain
 * took seconds).
 */
import { describe, expect, it } from 'vitest';
import { indexGraph } from '../graph/graphIndex.js';
import { ConnectorSchema, type Connector } from '../schema/connector.js';
import { documentIssues } from './documentRules.js';
import { graphIssues } from './graphRules.js';
import { referenceIssues } from './referenceRules.js';

function chain(n: number): { connector: Connector; reads: () => number } {
  const connector = ConnectorSchema.parse({
    schemaVersion: 2,
    id: 'big',
    name: 'Big',
    advanced: true,
    inputs: [{ name: 'phone' }],
    steps: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `Step ${i}`, url: `https://x.test/${i === 0 ? '{{phone}}' : `{{s${i - 1}.v}}`}`, outputs: [{ name: 'v', path: '$.v' }] })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `s${i}`, target: `s${i + 1}`, ...(i % 10 === 0 ? { condition: `{{s${i}.v}} !== null` } : {}) })),
    fieldMappings: [{ source: `s${n - 1}.v`, target: 'company' }],
  });
  let count = 0;
  const edges = connector.edges.map((edge) => new Proxy(edge, { get: (target, key, receiver) => {
    count += 1;
    return Reflect.get(target, key, receiver) as unknown;
  } }));
  return { connector: { ...connector, edges }, reads: () => count };
}

function validateRules(c: Connector) {
  const index = indexGraph(c);
  return [...graphIssues(c, index), ...referenceIssues(c, index), ...documentIssues(c)];
}

describe('validation cost', () => {
  it('reads each edge a bounded number of times (linear in the size of the file)', () => {
    const small = chain(250);
    const large = chain(1000);
    const smallIssues = validateRules(small.connector);
    const largeIssues = validateRules(large.connector);
    // Both are over the 10-step limit, and that is all that is wrong with them.
    expect(smallIssues.map((i) => i.message)).toEqual(['The connector has 250 steps; the limit is 10.']);
    expect(largeIssues.map((i) => i.message)).toEqual(['The connector has 1000 steps; the limit is 10.']);
    const perEdge = large.reads() / 999;
    expect(perEdge).toBeLessThan(40);
    // 4× the steps, about 4× the reads (quadratic would be 16×).
    expect(large.reads() / small.reads()).toBeLessThan(4.5);
  });
});
