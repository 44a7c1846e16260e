import { CONNECTOR_LIMITS } from '../schema/limits.js';
import type { Connector } from '../schema/connector.js';
import { ENV_NAMESPACE, RESERVED_NAMESPACES } from '../template/reference.js';
import { entrySteps, findCycle, validEdges } from '../graph/index.js';
import type { ValidationIssue } from './issue.js';

/** Step ids, edges, cycles and the seed's size limits. */
export function graphIssues(c: Connector): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, number>();
  c.steps.forEach((step, i) => {
    const first = seen.get(step.id);
    if (first !== undefined) {
      issues.push({ path: `steps[${i}].id`, message: `the step id "${step.id}" is already used by steps[${first}]`, hint: 'Give every step its own id.', severity: 'error', stepId: step.id });
    } else seen.set(step.id, i);
    if (RESERVED_NAMESPACES.has(step.id) || step.id === ENV_NAMESPACE) {
      issues.push({ path: `steps[${i}].id`, message: `"${step.id}" is reserved for ${step.id === ENV_NAMESPACE ? 'environment variables' : 'credentials'}`, hint: 'Rename the step, e.g. step_1.', severity: 'error', stepId: step.id });
    }
  });

  const max = c.advanced ? CONNECTOR_LIMITS.MAX_STEPS_ADVANCED : CONNECTOR_LIMITS.MAX_STEPS;
  if (c.steps.length > max) {
    issues.push({
      path: 'steps',
      message: `the connector has ${c.steps.length} steps; the limit is ${max}`,
      hint: c.advanced ? `Remove steps until there are at most ${max}.` : `Remove steps, or turn on advanced mode to allow up to ${CONNECTOR_LIMITS.MAX_STEPS_ADVANCED}.`,
      severity: 'error',
    });
  }

  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  c.edges.forEach((edge, j) => {
    const base = { severity: 'error' as const, edgeId: edge.id };
    if (edgeIds.has(edge.id)) issues.push({ ...base, path: `edges[${j}].id`, message: `the edge id "${edge.id}" is used twice`, hint: 'Give every edge its own id.' });
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!seen.has(edge[end])) issues.push({ ...base, path: `edges[${j}].${end}`, message: `the edge's ${end} "${edge[end]}" is not a step`, hint: 'Connect the edge to an existing step or delete it.' });
    }
    if (edge.source === edge.target) issues.push({ ...base, path: `edges[${j}]`, message: `the step "${edge.source}" is connected to itself`, hint: 'Delete this edge: a step cannot depend on itself.' });
    const pair = `${edge.source}\u0000${edge.target}`;
    if (pairs.has(pair)) issues.push({ ...base, path: `edges[${j}]`, message: `"${edge.source}" is already connected to "${edge.target}"`, hint: 'Delete the duplicate edge.' });
    pairs.add(pair);
  });

  const cycle = findCycle({ steps: c.steps, edges: c.edges.filter((e) => e.source !== e.target) });
  if (cycle) {
    issues.push({ path: 'edges', message: `the steps form a cycle: ${[...cycle, cycle[0]].join(' → ')}`, hint: 'Remove one edge of the cycle: every step must run after the steps it depends on.', severity: 'error', stepId: cycle[0] });
  }

  const edges = validEdges(c);
  c.steps.forEach((step, i) => {
    const out = new Set(edges.filter((e) => e.source === step.id).map((e) => e.target)).size;
    if (out > CONNECTOR_LIMITS.MAX_PARALLEL_STEPS) {
      issues.push({
        path: `steps[${i}]`,
        message: `"${step.id}" fans out to ${out} steps; at most ${CONNECTOR_LIMITS.MAX_PARALLEL_STEPS} branches may run in parallel`,
        hint: 'Chain some of the branches one after another instead.',
        severity: 'error',
        stepId: step.id,
      });
    }
  });
  const entries = entrySteps(c);
  if (entries.length > CONNECTOR_LIMITS.MAX_PARALLEL_STEPS) {
    issues.push({
      path: 'edges',
      message: `${entries.length} steps have no incoming edge and would all start at once (${entries.join(', ')}); at most ${CONNECTOR_LIMITS.MAX_PARALLEL_STEPS} may`,
      hint: 'Connect some of these steps after another step.',
      severity: 'error',
    });
  }
  return issues;
}
