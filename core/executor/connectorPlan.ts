/**
 * What the executor derives from a connector's graph before running it: the steps by id, the
 * valid edges, a topological order, and each step's incoming edges and ancestors. A batch runs
 * the same connector object many times, so the plan is kept per connector object and reused
 * as long as its steps and edges are still the same objects with the same ids and ends (a
 * connector changed in place gets a fresh plan).
 */
import { toConnectorError, type ConnectorError } from '../errors/ConnectorError.js';
import { indexGraph } from '../graph/graphIndex.js';
import { topologicalOrder } from '../graph/order.js';
import type { Connector, Edge, Step } from '../schema/connector.js';
import { limitIssues } from '../validation/limitRules.js';
import { invalidDocument } from '../validation/validateConnector.js';

export interface ConnectorPlan {
  steps: ReadonlyMap<string, Step>;
  edges: readonly Edge[];
  /** Step ids in topological order, or why there is none (a cycle). */
  order: readonly string[] | ConnectorError;
  /** Valid edges into each step, in document order. */
  incoming: ReadonlyMap<string, readonly Edge[]>;
  /** Transitive predecessors of each step, in the order of `connector.steps`. */
  ancestors: ReadonlyMap<string, readonly string[]>;
  /**
   * Why the connector must not run at all: it breaks a limit (steps, branches per fan-out, steps
   * that start at once). Checked here, not only by the validator, so that no caller — the host's
   * runs.start, the CLI, a server job — can fire 1,000 requests from a document nobody validated.
   */
  refused?: ConnectorError;
}

interface Entry {
  plan: ConnectorPlan;
  stepsArray: readonly Step[];
  edgesArray: readonly Edge[];
  steps: Step[];
  stepIds: string[];
  edges: Edge[];
  edgeSources: string[];
  edgeTargets: string[];
}

const plans = new WeakMap<Connector, Entry>();

function stillMatches(entry: Entry, connector: Connector): boolean {
  if (entry.stepsArray !== connector.steps || entry.edgesArray !== connector.edges) return false;
  if (entry.steps.length !== connector.steps.length || entry.edges.length !== connector.edges.length) return false;
  for (let i = 0; i < entry.steps.length; i++) {
    const step = connector.steps[i] as Step;
    if (step !== entry.steps[i] || step.id !== entry.stepIds[i]) return false;
  }
  for (let i = 0; i < entry.edges.length; i++) {
    const edge = connector.edges[i] as Edge;
    // Compared end by end: checked on every run of a batch, so no string is built for it.
    if (edge !== entry.edges[i] || edge.source !== entry.edgeSources[i] || edge.target !== entry.edgeTargets[i]) return false;
  }
  return true;
}

function buildPlan(connector: Connector): ConnectorPlan {
  const index = indexGraph(connector);
  let order: readonly string[] | ConnectorError;
  try {
    order = topologicalOrder(connector, index);
  } catch (error) {
    order = toConnectorError(error);
  }
  const incoming = new Map<string, readonly Edge[]>();
  const ancestors = new Map<string, readonly string[]>();
  const overLimits = limitIssues(connector, index);
  // A refused connector never runs: its per-step lists are not needed.
  if (overLimits.length === 0) {
    for (const step of connector.steps) {
      incoming.set(step.id, index.incoming(step.id));
      ancestors.set(step.id, index.ancestors(step.id));
    }
  }
  const plan: ConnectorPlan = { steps: new Map(connector.steps.map((step) => [step.id, step])), edges: index.edges, order, incoming, ancestors };
  if (overLimits.length > 0) plan.refused = invalidDocument(overLimits);
  return plan;
}

export function connectorPlan(connector: Connector): ConnectorPlan {
  const cached = plans.get(connector);
  if (cached && stillMatches(cached, connector)) return cached.plan;
  const plan = buildPlan(connector);
  plans.set(connector, {
    plan,
    stepsArray: connector.steps,
    edgesArray: connector.edges,
    steps: [...connector.steps],
    stepIds: connector.steps.map((step) => step.id),
    edges: [...connector.edges],
    edgeSources: connector.edges.map((edge) => edge.source),
    edgeTargets: connector.edges.map((edge) => edge.target),
  });
  return plan;
}
