/**
 * Keeps the objects React Flow has already seen when a document change leaves them as they
 * were. documentToFlow builds every node and edge afresh; React Flow re-adopts (and re-measures)
 * any node whose object is new, and re-renders every node and edge wrapper. A keystroke in one
 * step's name would otherwise redraw and re-measure the whole graph.
 */
import type { AppEdge, AppNode } from './flowTypes.js';

/** How deep plain objects and arrays are compared: node → data → issues → issue → field. */
const DEPTH = 4;

function equalTo(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => equalTo(item, other[i], depth - 1));
  }
  if (Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equalTo((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth - 1));
}

/** `next` with every item equal to the previous item of the same id replaced by that item; `previous` itself when nothing changed. */
export function keepIdentity<T extends AppNode | AppEdge>(previous: readonly T[], next: T[]): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const kept = next.map((item, i) => {
    const before = byId.get(item.id);
    if (before !== undefined && equalTo(before, item, DEPTH)) {
      if (previous[i] !== before) changed = true;
      return before;
    }
    changed = true;
    return item;
  });
  return changed ? kept : (previous as T[]);
}

/**
 * The nodes to hand React Flow after the document changed: a node the document left alone
 * keeps its current object (with what React Flow measured); a changed one keeps the measured
 * size of its previous version, so it is not hidden and re-measured from scratch.
 */
export function mergeNodes(current: readonly AppNode[], previousFlow: readonly AppNode[], nextFlow: readonly AppNode[]): AppNode[] {
  const currentById = new Map(current.map((node) => [node.id, node]));
  const previousById = new Map(previousFlow.map((node) => [node.id, node]));
  return nextFlow.map((node) => {
    const shown = currentById.get(node.id);
    if (!shown) return node;
    const unchanged = previousById.get(node.id) === node && shown.selected === node.selected
      && shown.position.x === node.position.x && shown.position.y === node.position.y;
    if (unchanged) return shown;
    return shown.measured ? ({ ...node, measured: shown.measured } as AppNode) : node;
  });
}
