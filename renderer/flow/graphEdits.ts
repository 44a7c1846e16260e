/**
 * Canvas edits → document. Each function is pure: it returns a new connector (or the
 * same object when nothing changes) or a refusal the UI shows as a message.
 */
import { CONNECTOR_LIMITS, findCycle, STEP_KINDS, type Connector, type Edge, type Step, type StepKindDefinition } from '#core';
import { END_NODE_ID, START_NODE_ID } from './flowTypes.js';
import { GRID } from './documentToFlow.js';

export type EditResult = { ok: true; doc: Connector; ids?: string[] } | { ok: false; reason: string };

export function maxSteps(doc: Pick<Connector, 'advanced'>): number {
  return doc.advanced ? CONNECTOR_LIMITS.MAX_STEPS_ADVANCED : CONNECTOR_LIMITS.MAX_STEPS;
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const clean = base.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_') || 'step';
  if (!used.has(clean)) return clean;
  const stem = clean.replace(/_\d+$/, '');
  for (let n = 2; ; n++) if (!used.has(`${stem}_${n}`)) return `${stem}_${n}`;
}

export function nextStepId(doc: Pick<Connector, 'steps'>): string {
  const used = new Set(doc.steps.map((s) => s.id));
  for (let n = doc.steps.length + 1; ; n++) if (!used.has(`step_${n}`)) return `step_${n}`;
}

function nextEdgeId(edges: Edge[]): string {
  const used = new Set(edges.map((e) => e.id));
  for (let n = edges.length + 1; ; n++) if (!used.has(`e${n}`)) return `e${n}`;
}

export function snap(value: number): number {
  return Math.round(value / GRID) * GRID;
}

/** A new step of `kind` as the kind makes it (`empty`), with its schema's defaults. */
function blankStep(id: string, kind: StepKindDefinition, position?: { x: number; y: number }): Step {
  // Typed as the app's steps: a test's own kind is seen through its definition only.
  return kind.schema.parse({ ...kind.empty(id), ...(position ? { position: { x: snap(position.x), y: snap(position.y) } } : {}) }) as Step;
}

function limitReason(doc: Connector, adding: number): string | null {
  const max = maxSteps(doc);
  if (doc.steps.length + adding <= max) return null;
  return doc.advanced
    ? `A connector can have at most ${max} steps.`
    : `A connector can have at most ${max} steps. Turn on "advanced" in the connector settings to allow ${CONNECTOR_LIMITS.MAX_STEPS_ADVANCED}.`;
}

/** Adds a blank step of `kind` (default: an HTTP request); with `after`, links it as a dependent of that step. */
export function addStep(doc: Connector, options: { position?: { x: number; y: number }; after?: string; kind?: StepKindDefinition } = {}): EditResult {
  const refused = limitReason(doc, 1);
  if (refused) return { ok: false, reason: refused };
  const id = nextStepId(doc);
  const step = blankStep(id, options.kind ?? STEP_KINDS.kindOf({ id, kind: 'http' }), options.position);
  const edges = options.after && options.after !== START_NODE_ID && doc.steps.some((s) => s.id === options.after)
    ? [...doc.edges, { id: nextEdgeId(doc.edges), source: options.after, target: id }]
    : doc.edges;
  return { ok: true, doc: { ...doc, steps: [...doc.steps, step], edges }, ids: [id] };
}

export function connectSteps(doc: Connector, source: string, target: string, ignoreEdgeId?: string): EditResult {
  if (source === START_NODE_ID || target === END_NODE_ID) {
    return { ok: false, reason: 'Steps with no incoming link start the run, and steps with no outgoing link feed the end: no link is needed.' };
  }
  if (target === START_NODE_ID || source === END_NODE_ID) return { ok: false, reason: 'Links go from left to right: from a step to a step that depends on it.' };
  if (source === target) return { ok: false, reason: 'A step cannot depend on itself.' };
  const edges = doc.edges.filter((e) => e.id !== ignoreEdgeId);
  if (edges.some((e) => e.source === source && e.target === target)) return { ok: false, reason: `${source} already leads to ${target}.` };
  const id = nextEdgeId(doc.edges);
  const next = { ...doc, edges: [...edges, { id, source, target }] };
  const cycle = findCycle(next);
  if (cycle) {
    return { ok: false, reason: `Linking ${source} → ${target} would make a loop (${[...cycle, cycle[0]].join(' → ')}). Steps cannot depend on themselves.` };
  }
  return { ok: true, doc: next, ids: [id] };
}

export function reconnectEdge(doc: Connector, edgeId: string, source: string, target: string): EditResult {
  const old = doc.edges.find((e) => e.id === edgeId);
  if (!old) return { ok: false, reason: 'That link no longer exists.' };
  const result = connectSteps(doc, source, target, edgeId);
  if (!result.ok) return result;
  // Keep the edge's id and condition; only its ends move.
  const edges = doc.edges.map((e) => (e.id === edgeId ? { ...e, source, target } : e));
  return { ok: true, doc: { ...doc, edges }, ids: [edgeId] };
}

/** Removes steps (with their links and mappings) and links. */
export function removeElements(doc: Connector, stepIds: string[], edgeIds: string[]): EditResult {
  const steps = new Set(stepIds);
  const dropEdges = new Set(edgeIds);
  if (steps.size === 0 && dropEdges.size === 0) return { ok: true, doc };
  if (doc.steps.every((s) => steps.has(s.id))) return { ok: false, reason: 'A connector needs at least one step; add another before deleting this one.' };
  return {
    ok: true,
    doc: {
      ...doc,
      steps: doc.steps.filter((s) => !steps.has(s.id)),
      edges: doc.edges.filter((e) => !dropEdges.has(e.id) && !steps.has(e.source) && !steps.has(e.target)),
      fieldMappings: doc.fieldMappings.filter((m) => !steps.has(m.source.split('.')[0] ?? '')),
    },
  };
}

export function moveSteps(doc: Connector, positions: Record<string, { x: number; y: number }>): Connector {
  let changed = false;
  const steps = doc.steps.map((s) => {
    const p = positions[s.id];
    if (!p || (s.position && s.position.x === p.x && s.position.y === p.y)) return s;
    changed = true;
    return { ...s, position: { x: p.x, y: p.y } };
  });
  return changed ? { ...doc, steps } : doc;
}

/** What copy puts on the clipboard: the steps and the links among them. */
export interface StepClipboard {
  kind: 'connector-studio/steps';
  steps: Step[];
  edges: Edge[];
}

export function copySteps(doc: Connector, stepIds: string[]): StepClipboard {
  const ids = new Set(stepIds);
  return {
    kind: 'connector-studio/steps',
    steps: doc.steps.filter((s) => ids.has(s.id)),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Pastes copies with fresh ids, offset so they don't sit on the originals. */
export function pasteSteps(doc: Connector, clip: StepClipboard, offset = 2 * GRID): EditResult {
  if (clip.steps.length === 0) return { ok: true, doc, ids: [] };
  const refused = limitReason(doc, clip.steps.length);
  if (refused) return { ok: false, reason: refused };
  const taken = doc.steps.map((s) => s.id);
  const rename = new Map<string, string>();
  const steps = clip.steps.map((s, i) => {
    const id = uniqueId(`${s.id}_copy`, [...taken, ...rename.values()]);
    rename.set(s.id, id);
    const base = s.position ?? { x: i * GRID, y: i * GRID };
    return { ...s, id, name: s.name ? `${s.name} (copy)` : '', position: { x: base.x + offset, y: base.y + offset } };
  });
  let edges = doc.edges;
  for (const e of clip.edges) {
    const source = rename.get(e.source);
    const target = rename.get(e.target);
    if (source && target) edges = [...edges, { ...e, id: nextEdgeId(edges), source, target }];
  }
  return { ok: true, doc: { ...doc, steps: [...doc.steps, ...steps], edges }, ids: steps.map((s) => s.id) };
}

export function duplicateSteps(doc: Connector, stepIds: string[]): EditResult {
  return pasteSteps(doc, copySteps(doc, stepIds));
}

export function updateStep(doc: Connector, stepId: string, patch: Partial<Step>): Connector {
  return { ...doc, steps: doc.steps.map((s) => (s.id === stepId ? { ...s, ...patch } : s)) };
}

export function updateEdge(doc: Connector, edgeId: string, patch: Partial<Edge>): Connector {
  return { ...doc, edges: doc.edges.map((e) => (e.id === edgeId ? { ...e, ...patch } : e)) };
}

/** Renames a step id and every reference to it (edges, mappings, `{{old.x}}` templates). */
export function renameStepId(doc: Connector, oldId: string, newId: string): EditResult {
  if (oldId === newId) return { ok: true, doc };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(newId)) return { ok: false, reason: 'A step id starts with a letter or _ and has only letters, digits and _.' };
  if (doc.steps.some((s) => s.id === newId)) return { ok: false, reason: `Another step is already called ${newId}.` };
  const pattern = new RegExp(`\\{\\{\\s*${oldId}\\.`, 'g');
  const json = JSON.stringify({ steps: doc.steps, edges: doc.edges }).replace(pattern, `{{${newId}.`);
  const parsed = JSON.parse(json) as Pick<Connector, 'steps' | 'edges'>;
  return {
    ok: true,
    doc: {
      ...doc,
      steps: parsed.steps.map((s) => (s.id === oldId ? { ...s, id: newId } : s)),
      edges: parsed.edges.map((e) => ({ ...e, source: e.source === oldId ? newId : e.source, target: e.target === oldId ? newId : e.target })),
      fieldMappings: doc.fieldMappings.map((m) => (m.source.startsWith(`${oldId}.`) ? { ...m, source: `${newId}.${m.source.slice(oldId.length + 1)}` } : m)),
    },
  };
}
