import type { Connector } from '../schema/connector.js';
import { ENV_NAMESPACE, RESERVED_NAMESPACES } from '../template/reference.js';
import { findCycle, type GraphIndex } from '../graph/index.js';
import { issueAt, type ValidationIssue } from './issue.js';
import { limitIssues } from './limitRules.js';

/** Step ids, edges, cycles and the seed's size limits. */
export function graphIssues(c: Connector, index: GraphIndex): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  c.steps.forEach((step, i) => {
    if (index.position.get(step.id) !== i) {
      issues.push(issueAt(c, `steps[${i}].id`, `"${step.id}" is already used by another step`, { hint: 'Give every step its own id.', stepId: step.id }));
    }
    if (RESERVED_NAMESPACES.has(step.id) || step.id === ENV_NAMESPACE) {
      issues.push(issueAt(c, `steps[${i}].id`, `"${step.id}" is reserved for ${step.id === ENV_NAMESPACE ? 'environment variables' : 'credential references'}`, { hint: 'Rename the step, e.g. step_1.', stepId: step.id }));
    }
  });

  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  c.edges.forEach((edge, j) => {
    const options = { edgeId: edge.id };
    if (edgeIds.has(edge.id)) issues.push(issueAt(c, `edges[${j}].id`, `"${edge.id}" is already used by another edge`, { ...options, hint: 'Give every edge its own id.' }));
    edgeIds.add(edge.id);
    for (const end of ['source', 'target'] as const) {
      if (!index.position.has(edge[end])) issues.push(issueAt(c, `edges[${j}].${end}`, `"${edge[end]}" is not a step`, { ...options, hint: 'Connect the edge to an existing step, or delete it.' }));
    }
    if (edge.source === edge.target) issues.push(issueAt(c, `edges[${j}]`, 'this edge connects a step to itself', { ...options, hint: 'Delete this edge: a step cannot depend on itself.' }));
    const pair = `${edge.source}\u0000${edge.target}`;
    if (pairs.has(pair)) issues.push(issueAt(c, `edges[${j}]`, 'another edge already connects the same two steps', { ...options, hint: 'Delete the duplicate edge.' }));
    pairs.add(pair);
  });

  const cycle = findCycle({ steps: c.steps, edges: [...index.edges] });
  if (cycle) {
    issues.push(issueAt(c, 'edges', `has steps that form a cycle: ${[...cycle, cycle[0]].join(' → ')}`, {
      hint: 'Remove one edge of the cycle: every step must run after the steps it depends on.',
      stepId: cycle[0],
    }));
  }
  issues.push(...limitIssues(c, index));
  return issues;
}
