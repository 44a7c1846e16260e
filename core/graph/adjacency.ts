import type { Connector } from '../schema/connector.js';
import { indexGraph } from './graphIndex.js';

export type GraphInput = Pick<Connector, 'steps' | 'edges'>;

/** Step ids that an edge's source and target both name; edges to unknown steps are ignored here (the validator reports them). */
export function validEdges(c: GraphInput): GraphInput['edges'] {
  const ids = new Set(c.steps.map((s) => s.id));
  return c.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target);
}

/** Direct predecessors of a step, in the order of `c.steps`, without duplicates. */
export function predecessors(c: GraphInput, id: string): string[] {
  const sources = new Set(validEdges(c).filter((e) => e.target === id).map((e) => e.source));
  return c.steps.map((s) => s.id).filter((s) => sources.has(s));
}

/** Direct successors of a step, in the order of `c.steps`, without duplicates. */
export function successors(c: GraphInput, id: string): string[] {
  const targets = new Set(validEdges(c).filter((e) => e.source === id).map((e) => e.target));
  return c.steps.map((s) => s.id).filter((s) => targets.has(s));
}

/** Steps with no incoming edge (they start a run), in the order of `c.steps`. */
export function entrySteps(c: GraphInput): string[] {
  const targets = new Set(validEdges(c).map((e) => e.target));
  return c.steps.map((s) => s.id).filter((s) => !targets.has(s));
}

/** Every step that must finish before `id` can run (transitive predecessors), in the order of `c.steps`. Terminates on cycles. */
export function ancestorsOf(c: GraphInput, id: string): string[] {
  return [...indexGraph(c).ancestors(id)];
}

/** Every step reachable from `id`, in the order of `c.steps`. */
export function descendantsOf(c: GraphInput, id: string): string[] {
  const index = indexGraph(c);
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    for (const edge of index.outgoing(stack.pop() as string)) {
      if (seen.has(edge.target)) continue;
      seen.add(edge.target);
      stack.push(edge.target);
    }
  }
  seen.delete(id);
  return c.steps.map((s) => s.id).filter((s) => seen.has(s));
}
