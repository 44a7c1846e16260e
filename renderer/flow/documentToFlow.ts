/**
 * Document → canvas. Steps become step nodes, `edges` become dependency edges; the
 * start node links to entry steps and leaf steps link to the end node (drawn only,
 * never stored). The canvas renders what this returns; it decides nothing itself.
 */
import { STEP_KINDS, type AuthType, type Connector, type Step } from '#core';
import type { LiveStep } from '../store/slices/runReducer.js';
import {
  END_NODE_ID, START_NODE_ID,
  type AppEdge, type AppNode, type CanvasStep, type NodeIssue,
} from './flowTypes.js';

export const GRID = 20;
export const COLUMN_WIDTH = 300;
export const ROW_HEIGHT = 140;

export interface FlowDecorations {
  live?: Record<string, LiveStep> | undefined;
  /** Issues keyed by step id or edge id. */
  stepIssues?: Record<string, NodeIssue[]> | undefined;
  edgeIssues?: Record<string, NodeIssue[]> | undefined;
  selectedStepIds?: string[] | undefined;
  selectedEdgeIds?: string[] | undefined;
}

/** Column of each step = length of the longest dependency chain before it (cycles tolerated). */
export function stepColumns(connector: Pick<Connector, 'steps' | 'edges'>): Record<string, number> {
  const ids = new Set(connector.steps.map((s) => s.id));
  const incoming = new Map<string, string[]>();
  for (const e of connector.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    incoming.set(e.target, [...(incoming.get(e.target) ?? []), e.source]);
  }
  const columns: Record<string, number> = {};
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = columns[id];
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const column = Math.max(-1, ...(incoming.get(id) ?? []).map(visit)) + 1;
    visiting.delete(id);
    columns[id] = column;
    return column;
  };
  for (const s of connector.steps) visit(s.id);
  return columns;
}

/** Where a step without a saved position goes: its column, below its column-mates. */
export function defaultPositions(connector: Pick<Connector, 'steps' | 'edges'>): Record<string, { x: number; y: number }> {
  const columns = stepColumns(connector);
  const rowsUsed: Record<number, number> = {};
  const positions: Record<string, { x: number; y: number }> = {};
  for (const step of connector.steps) {
    const column = columns[step.id] ?? 0;
    const row = rowsUsed[column] ?? 0;
    rowsUsed[column] = row + 1;
    positions[step.id] = step.position ?? { x: (column + 1) * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  }
  return positions;
}

export function documentToFlow(connector: Connector, decorations: FlowDecorations = {}): { nodes: AppNode[]; edges: AppEdge[] } {
  const positions = defaultPositions(connector);
  const selectedSteps = new Set(decorations.selectedStepIds ?? []);
  const selectedEdges = new Set(decorations.selectedEdgeIds ?? []);
  const xs = connector.steps.map((s) => positions[s.id]?.x ?? 0);
  const ys = connector.steps.map((s) => positions[s.id]?.y ?? 0);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const midY = (Math.min(...ys) + Math.max(...ys)) / 2;

  const stepIds = new Set(connector.steps.map((s) => s.id));
  const hasIncoming = new Set(connector.edges.filter((e) => stepIds.has(e.source)).map((e) => e.target));
  const hasOutgoing = new Set(connector.edges.filter((e) => stepIds.has(e.target)).map((e) => e.source));
  // A lone step among others would look linked if guide lines ran past other nodes to it.
  const unlinked = (id: string) => connector.steps.length > 1 && !hasIncoming.has(id) && !hasOutgoing.has(id);

  const nodes: AppNode[] = [
    {
      id: START_NODE_ID, type: 'start', position: { x: minX - COLUMN_WIDTH, y: midY },
      data: { inputs: connector.inputs }, deletable: false, draggable: true,
    },
    ...connector.steps.map((step): AppNode => ({
      id: step.id,
      type: 'step',
      position: positions[step.id] ?? { x: 0, y: 0 },
      selected: selectedSteps.has(step.id),
      data: {
        step: withoutName(step),
        ...authOf(step, connector),
        live: decorations.live?.[step.id],
        issues: decorations.stepIssues?.[step.id] ?? [],
        unlinked: unlinked(step.id),
      },
    })),
    {
      id: END_NODE_ID, type: 'end', position: { x: maxX + COLUMN_WIDTH, y: midY },
      data: { mappings: connector.fieldMappings }, deletable: false, draggable: true,
    },
  ];


  const edges: AppEdge[] = [
    ...connector.steps.filter((s) => !hasIncoming.has(s.id) && !unlinked(s.id)).map((s): AppEdge => virtualEdge(START_NODE_ID, s.id)),
    ...connector.edges.map((e): AppEdge => {
      const conditional = e.condition !== undefined && e.condition.trim() !== '';
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        type: 'dependency',
        selected: selectedEdges.has(e.id),
        className: conditional ? 'edge-conditional' : 'edge-plain',
        label: conditional ? e.condition : undefined,
        data: { condition: e.condition, issues: decorations.edgeIssues?.[e.id] ?? [], virtual: false },
      };
    }),
    ...connector.steps.filter((s) => !hasOutgoing.has(s.id) && !unlinked(s.id)).map((s): AppEdge => virtualEdge(s.id, END_NODE_ID)),
  ];
  return { nodes, edges };
}

function virtualEdge(source: string, target: string): AppEdge {
  return {
    id: `${source}->${target}`,
    source, target,
    type: 'dependency',
    className: 'edge-virtual',
    selectable: false, deletable: false, focusable: false, reconnectable: false,
    data: { issues: [], virtual: true },
  };
}

export function isVirtualEdgeId(id: string): boolean {
  return id.startsWith(`${START_NODE_ID}->`) || id.endsWith(`->${END_NODE_ID}`);
}

function withoutName(step: Step): CanvasStep {
  const copy: Partial<Step> = { ...step };
  delete copy.name;
  return copy as CanvasStep;
}

/** The auth badge's facts, as the step's kind says: its own auth or the connector's; none for a kind that sends no request. */
function authOf(step: Step, connector: Connector): { authType: AuthType | undefined; authInherited: boolean } {
  const kind = STEP_KINDS.find(step);
  if (kind?.transport.sends !== 'requests') return { authType: undefined, authInherited: false };
  const own = kind.auth(step);
  return { authType: (own ?? connector.auth).type, authInherited: own === undefined };
}
