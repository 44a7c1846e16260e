/**
 * Auto-layout with elkjs (layered, left to right), loaded on demand. A link's condition label
 * is given to ELK with its size, so the layers leave room for it: the label sits between the two
 * steps (React Flow draws it at the edge's midpoint) instead of under them.
 */
import type { Connector } from '#core';
import { snap } from '../flow/graphEdits.js';

const NODE_WIDTH = 240;
const NODE_HEIGHT = 90;

/** The label's box as canvas.css draws it: 11px monospace (~6.6 px a character), 5px padding, wrapped at 260px. */
const LABEL_MAX_WIDTH = 260;
const LABEL_CHAR_WIDTH = 6.6;
const LABEL_PADDING = 12;
const LABEL_LINE_HEIGHT = 15;

export function conditionLabelSize(condition: string): { width: number; height: number } {
  const textWidth = `if ${condition}`.length * LABEL_CHAR_WIDTH;
  const lineWidth = LABEL_MAX_WIDTH - LABEL_PADDING;
  const lines = Math.max(1, Math.ceil(textWidth / lineWidth));
  return { width: Math.min(LABEL_MAX_WIDTH, Math.ceil(textWidth) + LABEL_PADDING), height: lines * LABEL_LINE_HEIGHT + 4 };
}

export async function autoLayout(doc: Connector): Promise<Record<string, { x: number; y: number }>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(doc.steps.map((s) => s.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '40', 'elk.layered.spacing.nodeNodeBetweenLayers': '80', 'elk.spacing.edgeLabel': '8' },
    children: doc.steps.map((s) => ({ id: s.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({
      id: e.id,
      sources: [e.source],
      targets: [e.target],
      ...(e.condition ? { labels: [{ id: `${e.id}-label`, text: e.condition, ...conditionLabelSize(e.condition), layoutOptions: { 'elk.edgeLabels.placement': 'CENTER' } }] } : {}),
    })),
  });
  const positions: Record<string, { x: number; y: number }> = {};
  for (const child of graph.children ?? []) positions[child.id] = { x: snap((child.x ?? 0) + 300), y: snap(child.y ?? 0) };
  return positions;
}
