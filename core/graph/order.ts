import { ConnectorError } from '../errors/ConnectorError.js';
import { validEdges, type GraphInput } from './adjacency.js';

/**
 * The ids of one cycle (`['a', 'b', 'c']` for a → b → c → a), or null when the graph is a DAG.
 * Self loops count as cycles of one step. Edges to unknown steps are ignored.
 */
export function findCycle(c: GraphInput): string[] | null {
  const ids = new Set(c.steps.map((s) => s.id));
  const edges = c.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const e of edges) {
      if (e.source !== id) continue;
      const mark = state.get(e.target);
      if (mark === 'visiting') return stack.slice(stack.indexOf(e.target));
      if (mark === undefined) {
        const found = visit(e.target);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };
  for (const step of c.steps) {
    if (!state.has(step.id)) {
      const found = visit(step.id);
      if (found) return found;
    }
  }
  return null;
}

/**
 * All step ids so that every step comes after its predecessors. Stable: among the steps that are
 * ready, the one listed first in `c.steps` comes first. Throws INVALID_DOCUMENT naming the cycle
 * when there is one.
 */
export function topologicalOrder(c: GraphInput): string[] {
  const cycle = findCycle(c);
  if (cycle) {
    throw new ConnectorError('INVALID_DOCUMENT', `The steps form a cycle: ${[...cycle, cycle[0]].join(' → ')}.`, {
      hint: 'Remove one of the edges in the cycle: a step cannot depend on itself.',
    });
  }
  const edges = validEdges(c);
  const remaining = new Map(c.steps.map((s) => [s.id, 0] as [string, number]));
  for (const e of edges) remaining.set(e.target, (remaining.get(e.target) ?? 0) + 1);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < c.steps.length) {
    const next = c.steps.find((s) => !placed.has(s.id) && remaining.get(s.id) === 0);
    if (!next) break; // unreachable: there is no cycle
    order.push(next.id);
    placed.add(next.id);
    for (const e of edges) if (e.source === next.id) remaining.set(e.target, (remaining.get(e.target) ?? 0) - 1);
  }
  return order;
}
