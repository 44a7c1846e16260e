/** Auto-layout with elkjs (layered, left to right), loaded on demand. */
import type { Connector } from '#core';
import { snap } from '../flow/graphEdits.js';

const NODE_WIDTH = 240;
const NODE_HEIGHT = 90;

export async function autoLayout(doc: Connector): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(doc.steps.map((s) => s.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '80' },
    children: doc.steps.map((s) => ({ id: s.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: snap((child.x ?? 0) + 300), y: snap(child.y ?? 0) };
  return positions;
}
