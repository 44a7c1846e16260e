import type { Connector } from '../schema/connector.js';

type GraphInput = Pick<Connector, 'steps' | 'edges'>;
type Edge = GraphInput['edges'][number];

/**
 * A connector's graph as adjacency lists and an ancestor bit matrix, built once, so that a rule
 * looping over every step asks "who comes before this one" without rescanning every edge (a
 * 1,000-step file took seconds that way). The matrix costs n²/32 words: 32 K words for 1,000 steps.
 */
export interface GraphIndex {
  /** Position of each step id in `c.steps` (the first one, when an id is used twice). */
  readonly position: ReadonlyMap<string, number>;
  /** Edges whose ends both name steps, without self loops (see validEdges). */
  readonly edges: readonly Edge[];
  /** Valid edges into a step, in document order. */
  incoming(id: string): readonly Edge[];
  /** Valid edges out of a step, in document order. */
  outgoing(id: string): readonly Edge[];
  /** Whether `candidate` must finish before `id` can run (a transitive predecessor; never `id` itself). */
  isAncestor(candidate: string, id: string): boolean;
  /** Transitive predecessors, in the order of `c.steps`, without `id` itself (terminates on cycles). */
  ancestors(id: string): readonly string[];
}

const NONE: readonly Edge[] = [];

export function indexGraph(c: GraphInput): GraphIndex {
  const position = new Map<string, number>();
  const ids: string[] = [];
  c.steps.forEach((step, i) => {
    if (position.has(step.id)) return;
    position.set(step.id, i);
    ids.push(step.id);
  });
  const slot = new Map(ids.map((id, k) => [id, k]));
  const edges: Edge[] = [];
  const incoming = new Map<string, Edge[]>();
  const outgoing = new Map<string, Edge[]>();
  for (const edge of c.edges) {
    if (!position.has(edge.source) || !position.has(edge.target) || edge.source === edge.target) continue;
    edges.push(edge);
    push(incoming, edge.target, edge);
    push(outgoing, edge.source, edge);
  }

  let matrix: Uint32Array | undefined;
  const words = Math.ceil(ids.length / 32);
  const ancestorBits = (): Uint32Array => (matrix ??= buildMatrix(ids, slot, incoming, outgoing, words));
  const lists = new Map<string, readonly string[]>();

  return {
    position,
    edges,
    incoming: (id) => incoming.get(id) ?? NONE,
    outgoing: (id) => outgoing.get(id) ?? NONE,
    isAncestor: (candidate, id) => {
      const row = slot.get(id);
      const bit = slot.get(candidate);
      if (row === undefined || bit === undefined || row === bit) return false;
      return (ancestorBits()[row * words + (bit >>> 5)]! & (1 << (bit & 31))) !== 0;
    },
    ancestors: (id) => {
      let list = lists.get(id);
      if (list) return list;
      const row = slot.get(id);
      const bits = ancestorBits();
      list = row === undefined ? [] : ids.filter((_, k) => k !== row && (bits[row * words + (k >>> 5)]! & (1 << (k & 31))) !== 0);
      lists.set(id, list);
      return list;
    },
  };
}

/**
 * Row k holds the ancestors of step k. Steps in topological order take their predecessors' rows
 * (one OR per edge); steps on or after a cycle, which have no such order, are walked one by one.
 */
function buildMatrix(ids: readonly string[], slot: ReadonlyMap<string, number>, incoming: ReadonlyMap<string, Edge[]>, outgoing: ReadonlyMap<string, Edge[]>, words: number): Uint32Array {
  const bits = new Uint32Array(ids.length * words);
  const set = (row: number, bit: number) => { bits[row * words + (bit >>> 5)]! |= 1 << (bit & 31); };
  const remaining = ids.map((id) => new Set((incoming.get(id) ?? NONE).map((e) => e.source)).size);
  const queue = ids.map((_, k) => k).filter((k) => remaining[k] === 0);
  const done = new Uint8Array(ids.length);
  for (let head = 0; head < queue.length; head++) {
    const k = queue[head] as number;
    done[k] = 1;
    for (const edge of incoming.get(ids[k] as string) ?? NONE) {
      const p = slot.get(edge.source) as number;
      set(k, p);
      for (let w = 0; w < words; w++) bits[k * words + w]! |= bits[p * words + w]!;
    }
    const targets = new Set((outgoing.get(ids[k] as string) ?? NONE).map((e) => e.target));
    for (const target of targets) {
      const t = slot.get(target) as number;
      if (--remaining[t]! === 0) queue.push(t);
    }
  }
  ids.forEach((id, k) => {
    if (done[k]) return;
    const seen = new Set<number>();
    const stack = [id];
    while (stack.length > 0) {
      for (const edge of incoming.get(stack.pop() as string) ?? NONE) {
        const p = slot.get(edge.source) as number;
        if (seen.has(p)) continue;
        seen.add(p);
        stack.push(edge.source);
      }
    }
    seen.delete(k);
    for (const p of seen) set(k, p);
  });
  return bits;
}

function push(map: Map<string, Edge[]>, key: string, edge: Edge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
