import { ConnectorError } from '../errors/ConnectorError.js';
import type { GraphInput } from './adjacency.js';
import { indexGraph, type GraphIndex } from './graphIndex.js';

/**
 * The ids of one cycle (`['a', 'b', 'c']` for a → b → c → a), or null when the graph is a DAG.
 * Self loops count as cycles of one step. Edges to unknown steps are ignored. Iterative, so a
 * long chain cannot overflow the stack; linear in steps + edges.
 */
export function findCycle(c: GraphInput): string[] | null {
  const ids = new Set(c.steps.map((s) => s.id));
  const self = c.edges.find((e) => e.source === e.target && ids.has(e.source));
  if (self) return [self.source];
  const index = indexGraph(c);
  const state = new Map<string, 'visiting' | 'done'>();
  for (const step of c.steps) {
    if (state.has(step.id)) continue;
    // Depth-first with an explicit stack of (step, next outgoing edge to look at).
    const path: string[] = [step.id];
    const next: number[] = [0];
    state.set(step.id, 'visiting');
    while (path.length > 0) {
      const id = path[path.length - 1] as string;
      const out = index.outgoing(id);
      const i = next[next.length - 1] as number;
      if (i >= out.length) {
        state.set(id, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const target = (out[i] as GraphInput['edges'][number]).target;
      const mark = state.get(target);
      if (mark === 'visiting') return path.slice(path.indexOf(target));
      if (mark === undefined) {
        state.set(target, 'visiting');
        path.push(target);
        next.push(0);
      }
    }
  }
  return null;
}

/**
 * All step ids so that every step comes after its predecessors. Stable: among the steps that are
 * ready, the one listed first in `c.steps` comes first. Throws INVALID_DOCUMENT naming the cycle
 * when there is one.
 */
export function topologicalOrder(c: GraphInput, index: GraphIndex = indexGraph(c)): string[] {
  const cycle = findCycle(c);
  if (cycle) {
    throw new ConnectorError('INVALID_DOCUMENT', `The steps form a cycle: ${[...cycle, cycle[0]].join(' → ')}.`, {
      hint: 'Remove one of the edges in the cycle: a step cannot depend on itself.',
    });
  }
  const remaining = new Map(c.steps.map((s) => [s.id, 0] as [string, number]));
  for (const e of index.edges) remaining.set(e.target, (remaining.get(e.target) ?? 0) + 1);
  // Ready steps by position in c.steps; kept sorted so the first listed is always taken first.
  const at = (id: string) => index.position.get(id) as number;
  const ready = c.steps.filter((s, i) => remaining.get(s.id) === 0 && at(s.id) === i).map((s) => s.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift() as string;
    order.push(id);
    for (const e of index.outgoing(id)) {
      const left = (remaining.get(e.target) ?? 0) - 1;
      remaining.set(e.target, left);
      if (left === 0) insertSorted(ready, e.target, at);
    }
  }
  return order;
}

function insertSorted(list: string[], id: string, at: (id: string) => number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (at(list[mid] as string) < at(id)) low = mid + 1;
    else high = mid;
  }
  list.splice(low, 0, id);
}
